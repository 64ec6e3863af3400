// A search within one region, led by the region index (`organization_region`): a query
// of fewer than two characters has no gram, and a region's organisations are fewer than a
// label's. Ranked as every search (exact id, prefix, the rest; shorter names, then by id).
// The query is empty: every organisation of the region, shortest names first.
// Matched on Organization, the label the region index is on; the kind is a label predicate
// (a sub-label's match skips the index on ArcadeDB: docs/adr/0006, "Within a region").
// @template ORG regionLabel the label of the organisation kind searched, or Organization
// @param region STRING  region code
// @param industry STRING  industry code
// @param skip INTEGER  offset
// @param limit INTEGER  page size (plus one)
// @returns sid, kind, name, uscc, region, industry, isSOE, status, registeredAt, idMasked
MATCH (s:Organization)
WHERE s.region = $region AND s:ORG
  AND s.industry = $industry
WITH s
ORDER BY size(s.name), s.sid
SKIP $skip LIMIT $limit
RETURN s.sid AS sid, s.kind AS kind, s.name AS name, s.uscc AS uscc, s.region AS region,
       s.industry AS industry, s.isSOE AS isSOE, s.status AS status,
       s.registeredAt AS registeredAt, s.idMasked AS idMasked
