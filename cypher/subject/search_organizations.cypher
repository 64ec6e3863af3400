// `subject/search_subjects` for one kind of organisation: the scan covers that kind's label
// only (a fifth of the subjects for enterprises), with the same order and page.
// @template ORG orgLabel the label of the organisation kind searched
// @param query STRING  text to look for in the name, or an exact USCC
// @param kind STRING  the organisation kind (matching the label)
// @param region STRING  region code or null
// @param industry STRING  industry code or null
// @param skip INTEGER  offset
// @param limit INTEGER  page size (plus one)
// @returns sid, kind, name, uscc, region, industry, isSOE, status, registeredAt, idMasked
MATCH (s:ORG)
WHERE (s.sid = $query OR s.name CONTAINS $query)
  AND s.kind = $kind
  AND ($region IS NULL OR s.region = $region)
  AND ($industry IS NULL OR s.industry = $industry)
WITH s
ORDER BY CASE WHEN s.sid = $query THEN 0 WHEN s.name STARTS WITH $query THEN 1 ELSE 2 END,
         size(s.name), s.sid
SKIP $skip LIMIT $limit
RETURN s.sid AS sid, s.kind AS kind, s.name AS name, s.uscc AS uscc, s.region AS region,
       s.industry AS industry, s.isSOE AS isSOE, s.status AS status,
       s.registeredAt AS registeredAt, s.idMasked AS idMasked
