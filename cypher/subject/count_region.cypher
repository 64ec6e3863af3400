// How many organisations `subject/search_region` would list in total.
// Matched on Organization, the label the region index is on; the kind is a label predicate
// (a sub-label's match skips the index on ArcadeDB: docs/adr/0006, "Within a region").
// @template ORG regionLabel the label of the organisation kind searched, or Organization
// @param query STRING  one character to find in the name, or an exact USCC
// @param region STRING  region code
// @returns total
MATCH (s:Organization)
WHERE s.region = $region AND s:ORG
  AND (s.sid = $query OR s.name CONTAINS $query)
RETURN count(s) AS total
