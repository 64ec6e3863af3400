// Hebei A/B/C/D grades (P9) of organisations in plain Cypher, for analysts: D business licence
// revoked (status or a revocation penalty in the window); C an entry on a serious list in force,
// a serious penalty kind or record, or more than `maxGeneral` general records; B one to
// `maxGeneral`; A none. The window is (windowStart, asOf]; simple-procedure penalties (P15), acts
// exempt as minor and one-off (P16, severity MINOR_EXEMPT) and revoked, repaired, expired or archived records do not count. The classes come from
// graph/model/domain.yaml and graph/risk/schemes.yaml: pass the same lists the service uses
// (`creditgraph analytics query hebei_grades` fills them in).
// Neo4j Browser / cypher-shell:
//   :param asOf => date('2026-06-30');
//   :param windowStart => date('2025-06-30');
//   :param generalTypes => ['ADMIN_PENALTY', 'ADMIN_ACTION', 'JUDICIAL', 'ARREARS', 'CONTRACT_BREACH', 'INTERVIEW'];
//   :param seriousTypes => ['PERSON_DISHONESTY'];
//   :param seriousKinds => ['LICENCE_SUSPENSION', 'QUALIFICATION_DOWNGRADE', 'LICENCE_REVOCATION', 'BUSINESS_RESTRICTION', 'PRODUCTION_SUSPENSION', 'ORDER_TO_CLOSE', 'PRACTICE_BAN'];
//   :param revokedKinds => ['BUSINESS_LICENCE_REVOCATION'];
//   :param countedStatuses => ['COLLECTED', 'PUBLISHED', 'OBJECTION_MARKED', 'CORRECTED'];
//   :param seriousLists => ['SERIOUS_DISHONESTY', 'JUDGMENT_DEFAULTER'];
//   :param generalLists => ['BUSINESS_ANOMALY'];
//   :param kinds => ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'FARMER_COOP'];
//   :param maxGeneral => 5;
//   :param limit => 100000;
//   :param inForce => ['ACTIVE', 'OBJECTION_PENDING'];
// @param asOf DATE  last day of the window
// @param windowStart DATE  the day before the window starts (excluded)
// @param generalTypes LIST<STRING>  record types of general negative nature
// @param seriousTypes LIST<STRING>  record types of serious nature
// @param seriousKinds LIST<STRING>  penalty kinds of Hebei class SERIOUS
// @param revokedKinds LIST<STRING>  penalty kinds that revoke the business licence
// @param countedStatuses LIST<STRING>  record statuses that count
// @param seriousLists LIST<STRING>  serious list types
// @param generalLists LIST<STRING>  list types counted as one general record
// @param kinds LIST<STRING>  organisation kinds graded
// @param maxGeneral INTEGER  most general records grade B allows
// @param limit INTEGER  organisations to return
// @param inForce LIST<STRING>  list-entry statuses in force (graph/rules/in_force.py)
// @returns sid, name, region, industry, grade, general, serious, revoked
MATCH (o:Organization)
WHERE o.kind IN $kinds
CALL (o) {
  MATCH (o)-[:HAS_RECORD]->(r:CreditRecord)
  WHERE r.decisionDate > $windowStart AND r.decisionDate <= $asOf
    AND r.status IN $countedStatuses AND coalesce(r.procedure, 'GENERAL') <> 'SIMPLE'
    AND coalesce(r.severity, 'GENERAL') <> 'MINOR_EXEMPT'
    AND (r.recordType IN $generalTypes OR r.recordType IN $seriousTypes)
  RETURN sum(CASE WHEN r.penaltyKind IN $revokedKinds THEN 1 ELSE 0 END) AS revokedRecords,
         sum(CASE WHEN r.penaltyKind IN $seriousKinds OR r.recordType IN $seriousTypes
                  THEN 1 ELSE 0 END) AS seriousRecords,
         sum(CASE WHEN r.recordType IN $generalTypes
                       AND NOT coalesce(r.penaltyKind, '') IN $seriousKinds + $revokedKinds
                  THEN 1 ELSE 0 END) AS generalRecords
}
CALL (o) {
  MATCH (o)-[:LISTED_AS]->(e:ListEntry)
  WHERE e.status IN $inForce
    AND (e.validFrom IS NULL OR e.validFrom <= $asOf)
  RETURN sum(CASE WHEN e.listType IN $seriousLists
                       AND (e.validUntil IS NULL OR e.validUntil >= $asOf) THEN 1 ELSE 0 END)
           AS seriousEntries,
         sum(CASE WHEN e.listType IN $generalLists
                       AND coalesce(e.decisionDate, e.validFrom) > $windowStart
                       AND coalesce(e.decisionDate, e.validFrom) <= $asOf THEN 1 ELSE 0 END)
           AS generalEntries
}
WITH o, generalRecords + generalEntries AS general, seriousRecords + seriousEntries AS serious,
     revokedRecords + CASE WHEN o.status = 'BUSINESS_LICENCE_REVOKED' THEN 1 ELSE 0 END AS revoked
RETURN o.sid AS sid, o.name AS name, o.region AS region, o.industry AS industry,
       CASE WHEN revoked > 0 THEN 'D'
            WHEN serious > 0 OR general > $maxGeneral THEN 'C'
            WHEN general > 0 THEN 'B'
            ELSE 'A' END AS grade,
       general, serious, revoked
ORDER BY sid
LIMIT $limit
