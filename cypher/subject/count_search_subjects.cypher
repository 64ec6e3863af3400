// How many subjects `subject/search_subjects` would list in total.
// @param query STRING  text to look for in the name, or an exact USCC / person id
// @param kind STRING  subject kind or null
// @param region STRING  region code or null
// @param industry STRING  industry code or null
// @returns total
MATCH (s:Subject)
WHERE (s.sid = $query OR s.name CONTAINS $query)
  AND ($kind IS NULL OR s.kind = $kind)
  AND ($region IS NULL OR s.region = $region)
  AND ($industry IS NULL OR s.industry = $industry)
RETURN count(s) AS total
