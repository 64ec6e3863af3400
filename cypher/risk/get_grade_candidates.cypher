// The organisations whose Hebei grade may not be A on the day: a scored record decided in the
// window, an entry of a list type that can count, or a revoked licence. Every other organisation
// is A without reading anything, which is most of them; the batch grades only these in full.
// @param kinds LIST<STRING>  organisation kinds graded
// @param recordTypes LIST<STRING>  record types whose nature is not neutral
// @param windowStart DATE  the day before the window starts (excluded)
// @param asOf DATE  last day of the window
// @param listTypes LIST<STRING>  serious list types and the general-class ones
// @param listStatuses LIST<STRING>  statuses that mean "not removed"
// @param revokedStatuses LIST<STRING>  organisation statuses that mean licence revoked
// @returns sid
MATCH (r:CreditRecord)
WHERE r.recordType IN $recordTypes AND r.decisionDate > $windowStart AND r.decisionDate <= $asOf
MATCH (o:Organization)-[:HAS_RECORD]->(r)
WHERE o.kind IN $kinds
RETURN DISTINCT o.sid AS sid
UNION
MATCH (e:ListEntry)
WHERE e.listType IN $listTypes AND e.status IN $listStatuses
MATCH (o:Organization)-[:LISTED_AS]->(e)
WHERE o.kind IN $kinds
RETURN DISTINCT o.sid AS sid
UNION
MATCH (o:Organization)
WHERE o.kind IN $kinds AND o.status IN $revokedStatuses
RETURN o.sid AS sid
