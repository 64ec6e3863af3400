// How many organisations `subject/search_region_all_industry` would list in total.
// @template ORG regionLabel the label of the organisation kind searched, or Organization
// @param region STRING  region code
// @param industry STRING  industry code
// @returns total
MATCH (s:ORG)
WHERE s.region = $region
  AND s.industry = $industry
RETURN count(s) AS total
