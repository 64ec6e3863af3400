// How many organisations `subject/search_region_all_industry` would list in total.
// Matched on Organization, the label the region index is on; the kind is a label predicate
// (a sub-label's match skips the index on ArcadeDB: docs/adr/0006, "Within a region").
// @template ORG regionLabel the label of the organisation kind searched, or Organization
// @param region STRING  region code
// @param industry STRING  industry code
// @returns total
MATCH (s:Organization)
WHERE s.region = $region AND s:ORG
  AND s.industry = $industry
RETURN count(s) AS total
