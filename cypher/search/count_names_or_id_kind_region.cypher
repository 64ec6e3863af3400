// How many subjects `search/search_names_or_id_kind_region` would list in total
// (filtered on kind, region):
// one statement, the same candidates, counted.
// @param query STRING  two characters or more: text to find in names, or an exact id
// @param kind STRING  subject kind (ENTERPRISE, NATURAL_PERSON, …)
// @param region STRING  region code
// @returns total
CALL () {
  MATCH (x:Subject {sid: $query})
  RETURN x AS s
  UNION
  UNWIND range(0, size($query) - 2) AS i
  OPTIONAL MATCH (n:NameGram {g: substring($query, i, 2)})
  WITH n ORDER BY coalesce(n.df, 0) LIMIT 1
  MATCH (n)<-[:HAS_GRAM]-(c:Subject)
  WHERE c.name CONTAINS $query
  RETURN c AS s
}
WITH s
WHERE s.kind = $kind
  AND s.region = $region
RETURN count(s) AS total
