// Subjects whose name contains the query text, or whose id equals it, with optional filters: a
// scan, for queries of one character (two or more go through the name grams, cypher/search/).
// Ranked as the gram search: exact id, prefix, the other names; shorter first, then by id.
// Sorted on references first, properties read for the page alone (a broad query matches
// thousands). With a kind, prefer `subject/search_organizations` (scans one label).
// @param query STRING  text to look for in the name, or an exact USCC / person id
// @param kind STRING  subject kind (ENTERPRISE, NATURAL_PERSON, …) or null
// @param region STRING  region code or null
// @param industry STRING  industry code or null
// @param skip INTEGER  offset
// @param limit INTEGER  page size (plus one)
// @returns sid, kind, name, uscc, region, industry, isSOE, status, registeredAt, idMasked
MATCH (s:Subject)
WHERE (s.sid = $query OR s.name CONTAINS $query)
  AND ($kind IS NULL OR s.kind = $kind)
  AND ($region IS NULL OR s.region = $region)
  AND ($industry IS NULL OR s.industry = $industry)
WITH s
ORDER BY CASE WHEN s.sid = $query THEN 0 WHEN s.name STARTS WITH $query THEN 1 ELSE 2 END,
         size(s.name), s.sid
SKIP $skip LIMIT $limit
RETURN s.sid AS sid, s.kind AS kind, s.name AS name, s.uscc AS uscc, s.region AS region,
       s.industry AS industry, s.isSOE AS isSOE, s.status AS status,
       s.registeredAt AS registeredAt, s.idMasked AS idMasked
