// How many organisations `subject/search_region_all` would list in total.
// @template ORG regionLabel the label of the organisation kind searched, or Organization
// @param region STRING  region code
// @returns total
MATCH (s:ORG)
WHERE s.region = $region
RETURN count(s) AS total
