// How many organisations of one kind `subject/search_organizations` would list in total.
// @template ORG orgLabel the label of the organisation kind searched
// @param query STRING  text to look for in the name, or an exact USCC
// @param kind STRING  the organisation kind (matching the label)
// @param region STRING  region code or null
// @param industry STRING  industry code or null
// @returns total
MATCH (s:ORG)
WHERE (s.sid = $query OR s.name CONTAINS $query)
  AND s.kind = $kind
  AND ($region IS NULL OR s.region = $region)
  AND ($industry IS NULL OR s.industry = $industry)
RETURN count(s) AS total
