// Linked risk (P19), the bulk start: every subject that may be a source on the day. Subjects
// with an active entry on a serious list, organisations whose licence was revoked, and
// organisations whose records in the window may make them C/D (a serious or revoking penalty
// kind, a serious record nature, or more general records than B allows). The grading code then
// decides exactly.
// @param listTypes LIST<STRING>  serious list types
// @param listStatuses LIST<STRING>  list statuses that mean "not removed"
// @param revokedStatuses LIST<STRING>  organisation statuses that mean licence revoked
// @param recordTypes LIST<STRING>  record types of negative nature
// @param seriousTypes LIST<STRING>  record types of serious nature
// @param seriousKinds LIST<STRING>  penalty kinds of class SERIOUS or REVOKED
// @param maxGeneral INTEGER  most general records grade B allows
// @param windowStart DATE  the day before the window starts (excluded)
// @param asOf DATE  the day
// @returns sid
MATCH (e:ListEntry)
WHERE e.listType IN $listTypes AND e.status IN $listStatuses
  AND (e.validFrom IS NULL OR e.validFrom <= $asOf)
  AND (e.validUntil IS NULL OR e.validUntil >= $asOf)
MATCH (s:Subject)-[:LISTED_AS]->(e)
RETURN DISTINCT s.sid AS sid
UNION
MATCH (o:Organization)
WHERE o.status IN $revokedStatuses
RETURN o.sid AS sid
UNION
MATCH (r:CreditRecord)
WHERE r.recordType IN $recordTypes AND r.decisionDate > $windowStart AND r.decisionDate <= $asOf
MATCH (o:Organization)-[:HAS_RECORD]->(r)
WITH o, count(r) AS n,
     sum(CASE WHEN r.penaltyKind IN $seriousKinds OR r.recordType IN $seriousTypes
              THEN 1 ELSE 0 END) AS serious
WHERE n > $maxGeneral OR serious > 0
RETURN o.sid AS sid
