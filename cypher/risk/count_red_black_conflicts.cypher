// How many subjects are on a red list and on a serious or key-attention list on the day.
// @param red LIST<STRING>  red list types
// @param black LIST<STRING>  serious and key-attention list types
// @param listStatuses LIST<STRING>  statuses that mean "not removed"
// @param asOf DATE  the day both entries must cover
// @returns n
MATCH (r:ListEntry)
WHERE r.listType IN $red AND r.status IN $listStatuses
  AND (r.validFrom IS NULL OR r.validFrom <= $asOf)
  AND (r.validUntil IS NULL OR r.validUntil >= $asOf)
MATCH (s:Subject)-[:LISTED_AS]->(r)
MATCH (s)-[:LISTED_AS]->(b:ListEntry)
WHERE b.listType IN $black AND b.status IN $listStatuses
  AND (b.validFrom IS NULL OR b.validFrom <= $asOf)
  AND (b.validUntil IS NULL OR b.validUntil >= $asOf)
RETURN count(DISTINCT s) AS n
