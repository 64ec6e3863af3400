// A region's organisations, counted up to `$cap` (led by the `organization_region` index, so
// it reads at most `$cap` index entries): whether the region index should lead a name search
// within the region rather than the query's rarest gram (graph/subjects.py).
// @param region STRING  region code
// @param cap INTEGER  where to stop counting
// @returns total
MATCH (s:Organization)
WHERE s.region = $region
WITH s LIMIT $cap
RETURN count(s) AS total
