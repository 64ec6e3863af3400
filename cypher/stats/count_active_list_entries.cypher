// List entries in force on `today` (ACTIVE or under objection, period not ended; the one
// definition of graph/rules/in_force.py) per list type and designating authority.
// @param today DATE  the date that decides expiry
// @param inForce LIST<STRING>  statuses under which an entry counts (lifecycle.yaml)
// @returns listType, authorityId, authorityName, count
MATCH (e:ListEntry)
WHERE e.status IN $inForce AND (e.validUntil IS NULL OR e.validUntil >= $today)
OPTIONAL MATCH (e)-[:ISSUED_BY]->(a:Authority)
RETURN e.listType AS listType, a.authorityId AS authorityId, a.name AS authorityName,
       count(*) AS count
ORDER BY listType, count DESC, authorityId
