// Subjects with an entry on one of the given lists that is in force on the day (not removed,
// begun, not past its validity): the seeds of the risk clusters.
// @param listTypes LIST<STRING>  list types that make a subject "listed"
// @param listStatuses LIST<STRING>  statuses that mean "not removed"
// @param asOf DATE  the day
// @returns sid, kind
MATCH (e:ListEntry)
WHERE e.listType IN $listTypes AND e.status IN $listStatuses
  AND (e.validFrom IS NULL OR e.validFrom <= $asOf)
  AND (e.validUntil IS NULL OR e.validUntil >= $asOf)
MATCH (s:Subject)-[:LISTED_AS]->(e)
RETURN DISTINCT s.sid AS sid, s.kind AS kind
