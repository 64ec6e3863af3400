// How many organisations `subject/search_region_industry` would list in total.
// @template ORG regionLabel the label of the organisation kind searched, or Organization
// @param query STRING  one character to find in the name, or an exact USCC
// @param region STRING  region code
// @param industry STRING  industry code
// @returns total
MATCH (s:ORG)
WHERE s.region = $region
  AND (s.sid = $query OR s.name CONTAINS $query)
  AND s.industry = $industry
RETURN count(s) AS total
