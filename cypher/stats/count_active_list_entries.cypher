// Active list entries (period not ended on `today`) per list type and designating authority.
// @param today DATE  the date that decides expiry
// @returns listType, authorityId, authorityName, count
MATCH (e:ListEntry)
WHERE e.status = 'ACTIVE' AND (e.validUntil IS NULL OR e.validUntil >= $today)
OPTIONAL MATCH (e)-[:ISSUED_BY]->(a:Authority)
RETURN e.listType AS listType, a.authorityId AS authorityId, a.name AS authorityName,
       count(*) AS count
ORDER BY listType, count DESC, authorityId
