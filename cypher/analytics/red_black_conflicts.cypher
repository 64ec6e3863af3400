// Red-black cross-comparison (红黑名单交叉比对, 004 §4(3) item 5): subjects on a red list while
// also on a serious or key-attention list, both entries in force on `asOf`.
// Neo4j Browser / cypher-shell:
//   :param asOf => date('2026-06-30');
//   :param red => ['RED_LIST'];
//   :param black => ['SERIOUS_DISHONESTY', 'JUDGMENT_DEFAULTER', 'KEY_ATTENTION'];
//   :param inForce => ['ACTIVE', 'OBJECTION_PENDING'];
// @param asOf DATE  the day both entries must cover
// @param red LIST<STRING>  red list types
// @param black LIST<STRING>  serious and key-attention list types
// @param inForce LIST<STRING>  list-entry statuses in force (graph/rules/in_force.py)
// @returns sid, name, redEntries, blackEntries
MATCH (r:ListEntry)
WHERE r.listType IN $red AND r.status IN $inForce
  AND (r.validFrom IS NULL OR r.validFrom <= $asOf)
  AND (r.validUntil IS NULL OR r.validUntil >= $asOf)
MATCH (s:Subject)-[:LISTED_AS]->(r)
MATCH (s)-[:LISTED_AS]->(b:ListEntry)
WHERE b.listType IN $black AND b.status IN $inForce
  AND (b.validFrom IS NULL OR b.validFrom <= $asOf)
  AND (b.validUntil IS NULL OR b.validUntil >= $asOf)
RETURN s.sid AS sid, s.name AS name,
       collect(DISTINCT r.listType + ' ' + r.entryId) AS redEntries,
       collect(DISTINCT b.listType + ' ' + b.entryId) AS blackEntries
ORDER BY sid
