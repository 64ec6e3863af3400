// How many subjects `search/search_names_region_industry` would list in total
// (filtered on region, industry):
// one statement, the same candidates, counted.
// @param query STRING  two characters or more to find in names
// @param region STRING  region code
// @param industry STRING  industry code
// @returns total
UNWIND range(0, size($query) - 2) AS i
OPTIONAL MATCH (n:NameGram {g: substring($query, i, 2)})
WITH n ORDER BY coalesce(n.df, 0) LIMIT 1
MATCH (n)<-[:HAS_GRAM]-(s:Subject)
WHERE s.name CONTAINS $query
  AND s.region = $region
  AND s.industry = $industry
RETURN count(s) AS total
