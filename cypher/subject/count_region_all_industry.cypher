// How many organisations `subject/search_region_all_industry` would list in total.
// The match is on Organization, the label the index is on, and the kind a label predicate: on
// ArcadeDB a sub-label's match (`s:Enterprise`) with the region predicate skips the parent's
// index and reads every enterprise (300 ms for any region at 1M, 20 ms led by the index).
// @template ORG regionLabel the label of the organisation kind searched, or Organization
// @param region STRING  region code
// @param industry STRING  industry code
// @returns total
MATCH (s:Organization)
WHERE s.region = $region AND s:ORG
  AND s.industry = $industry
RETURN count(s) AS total
