// Red-black cross-comparison (红黑名单交叉比对, 004 §4(3) item 5): subjects on a red list while
// also on a serious or key-attention list, both entries in force on `asOf`.
// Neo4j Browser / cypher-shell:
//   :param asOf => date('2026-06-30');
//   :param red => ['RED_LIST'];
//   :param black => ['SERIOUS_DISHONESTY', 'JUDGMENT_DEFAULTER', 'KEY_ATTENTION'];
// @param asOf DATE  the day both entries must cover
// @param red LIST<STRING>  red list types
// @param black LIST<STRING>  serious and key-attention list types
// @returns sid, name, redEntries, blackEntries
MATCH (r:ListEntry)
WHERE r.listType IN $red AND r.status IN ['ACTIVE', 'OBJECTION_PENDING']
  AND (r.validFrom IS NULL OR r.validFrom <= $asOf)
  AND (r.validUntil IS NULL OR r.validUntil >= $asOf)
MATCH (s:Subject)-[:LISTED_AS]->(r)
MATCH (s)-[:LISTED_AS]->(b:ListEntry)
WHERE b.listType IN $black AND b.status IN ['ACTIVE', 'OBJECTION_PENDING']
  AND (b.validFrom IS NULL OR b.validFrom <= $asOf)
  AND (b.validUntil IS NULL OR b.validUntil >= $asOf)
RETURN s.sid AS sid, s.name AS name,
       collect(DISTINCT r.listType + ' ' + r.entryId) AS redEntries,
       collect(DISTINCT b.listType + ' ' + b.entryId) AS blackEntries
ORDER BY sid
