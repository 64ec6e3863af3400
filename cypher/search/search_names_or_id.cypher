// Name search (no filter).
// The subject whose id is `$query` (a query that could be an id: ASCII letters and
// digits), and the subjects whose name contains it,
// found through the rarest of the query's two-character grams (ADR 0006), the candidates
// checked with CONTAINS: the same results as a scan. Ranked exact id, then names that start
// with the query, then the other names; shorter names first, then by id.
// @param query STRING  two characters or more: text to find in names, or an exact id
// @param skip INTEGER  offset
// @param limit INTEGER  page size (plus one)
// @returns sid, kind, name, uscc, region, industry, isSOE, status, registeredAt, idMasked
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
ORDER BY CASE WHEN s.sid = $query THEN 0 WHEN s.name STARTS WITH $query THEN 1 ELSE 2 END,
         size(s.name), s.sid
SKIP $skip LIMIT $limit
RETURN s.sid AS sid, s.kind AS kind, s.name AS name, s.uscc AS uscc, s.region AS region,
       s.industry AS industry, s.isSOE AS isSOE, s.status AS status,
       s.registeredAt AS registeredAt, s.idMasked AS idMasked
