// Red-black cross-comparison (004 §4(3) item 5; HLJ Art.25, 28): subjects on an honesty-incentive
// (red) list that also hold an entry on a serious or key-attention list, both in force on the day.
// A page, ordered by subject id.
// @param red LIST<STRING>  red list types
// @param black LIST<STRING>  serious and key-attention list types
// @param listStatuses LIST<STRING>  statuses that mean "not removed"
// @param asOf DATE  the day both entries must cover
// @param skip INTEGER  subjects to skip
// @param limit INTEGER  subjects to return
// @returns sid, name, kind, uscc, region, industry, isSOE, status, registeredAt, idMasked, reds, blacks
MATCH (r:ListEntry)
WHERE r.listType IN $red AND r.status IN $listStatuses
  AND (r.validFrom IS NULL OR r.validFrom <= $asOf)
  AND (r.validUntil IS NULL OR r.validUntil >= $asOf)
MATCH (s:Subject)-[:LISTED_AS]->(r)
MATCH (s)-[:LISTED_AS]->(b:ListEntry)
WHERE b.listType IN $black AND b.status IN $listStatuses
  AND (b.validFrom IS NULL OR b.validFrom <= $asOf)
  AND (b.validUntil IS NULL OR b.validUntil >= $asOf)
WITH s, collect(DISTINCT {entryId: r.entryId, listType: r.listType, status: r.status,
                          validFrom: r.validFrom, validUntil: r.validUntil}) AS reds,
     collect(DISTINCT {entryId: b.entryId, listType: b.listType, status: b.status,
                       validFrom: b.validFrom, validUntil: b.validUntil}) AS blacks
RETURN s.sid AS sid, s.name AS name, s.kind AS kind, s.uscc AS uscc, s.region AS region,
       s.industry AS industry, s.isSOE AS isSOE, s.status AS status,
       s.registeredAt AS registeredAt, s.idMasked AS idMasked, reds, blacks
ORDER BY sid
SKIP $skip LIMIT $limit
