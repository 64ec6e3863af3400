// Linked risk (P19), shared roles, for analysts: organisations that share a current legal
// representative, principal or actual controller with a source. A source is an organisation with
// an entry on a serious list in force on `asOf`, or one whose stored Hebei evaluation for period
// `periodEnd` (written by `creditgraph analytics grades`) is C or D. The service
// (graph/risk/linked.py) grades sources on the day instead, and also follows ownership chains
// (see linked_risk_chains.cypher). Risk indicators prioritise supervision; they are no sanction.
// Neo4j Browser / cypher-shell:
//   :param asOf => date('2026-06-30');
//   :param periodEnd => date('2026-06-30');
//   :param seriousLists => ['SERIOUS_DISHONESTY', 'JUDGMENT_DEFAULTER'];
//   :param limit => 100;
//   :param inForce => ['ACTIVE', 'OBJECTION_PENDING'];
//   :param excludedHolderKinds => ['GOV_ORGAN', 'PUBLIC_INSTITUTION'];
// @param asOf DATE  the day roles and entries must cover
// @param periodEnd DATE  the stored evaluation period to read grades from
// @param seriousLists LIST<STRING>  serious list types
// @param limit INTEGER  rows to return
// @param inForce LIST<STRING>  list-entry statuses in force (graph/rules/in_force.py)
// @param excludedHolderKinds LIST<STRING>  holder kinds that link nobody (a state-asset administration controlling every SOE)
// @returns target, targetName, holder, holderName, targetRole, targetRoleFrom, source, sourceName, sourceRole, sourceRoleFrom, sourceEntries, sourceGrade
MATCH (e:ListEntry)
WHERE e.listType IN $seriousLists AND e.status IN $inForce
  AND (e.validFrom IS NULL OR e.validFrom <= $asOf)
  AND (e.validUntil IS NULL OR e.validUntil >= $asOf)
MATCH (o:Organization)-[:LISTED_AS]->(e)
WITH collect(DISTINCT o) AS listed
OPTIONAL MATCH (ev:Evaluation {scheme: 'HEBEI_ABCD', periodEnd: $periodEnd})-[:RATED]->(g:Organization)
WHERE ev.grade IN ['C', 'D']
WITH listed, collect(DISTINCT g) AS graded
UNWIND listed + graded AS s
WITH DISTINCT s
MATCH (s)<-[r1:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF]-(p:Subject)
      -[r2:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF]->(t:Organization)
WHERE t <> s AND NOT coalesce(p.kind, '') IN $excludedHolderKinds
  AND (r1.from IS NULL OR r1.from <= $asOf) AND (r1.to IS NULL OR r1.to >= $asOf)
  AND (r2.from IS NULL OR r2.from <= $asOf) AND (r2.to IS NULL OR r2.to >= $asOf)
OPTIONAL MATCH (ev:Evaluation {scheme: 'HEBEI_ABCD', periodEnd: $periodEnd})-[:RATED]->(s)
RETURN t.sid AS target, t.name AS targetName, p.sid AS holder, p.name AS holderName,
       type(r2) AS targetRole, r2.from AS targetRoleFrom, s.sid AS source, s.name AS sourceName,
       type(r1) AS sourceRole, r1.from AS sourceRoleFrom,
       [(s)-[:LISTED_AS]->(x:ListEntry) WHERE x.listType IN $seriousLists
          AND x.status IN $inForce | x.entryId] AS sourceEntries,
       ev.grade AS sourceGrade
ORDER BY target, source, holder
LIMIT $limit
