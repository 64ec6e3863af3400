// Regions for the region-page benchmark, the one with the most enterprises first.
// @param limit INTEGER  how many
// @returns region, enterprises
MATCH (s:Enterprise)
WHERE s.region IS NOT NULL
WITH s.region AS region, count(s) AS enterprises
ORDER BY enterprises DESC, region
LIMIT $limit
RETURN region, enterprises
