// How many subjects `search/search_names` would list in total
// (no filter):
// one statement, the same candidates, counted.
// @param query STRING  two characters or more to find in names
// @returns total
UNWIND range(0, size($query) - 2) AS i
OPTIONAL MATCH (n:NameGram {g: substring($query, i, 2)})
WITH n ORDER BY coalesce(n.df, 0) LIMIT 1
MATCH (n)<-[:HAS_GRAM]-(s:Subject)
WHERE s.name CONTAINS $query
RETURN count(s) AS total
