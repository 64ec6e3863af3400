// The subjects behind head keys (graph/search/heads.py) whose name contains the query, with
// the columns of `search/search_names`. A key whose subject is gone or whose name's length
// changed since (a rename) is stale and returns nothing: the heads keep what was true.
// @param keys LIST<STRING>  head keys, in rank order
// @param query STRING  the text to find in names
// @returns key, sid, kind, name, uscc, region, industry, isSOE, status, registeredAt, idMasked
UNWIND $keys AS key
MATCH (s:Subject {sid: substring(key, 5)})
WHERE s.name CONTAINS $query
  AND right('000' + toString(size(s.name)), 4) + '|' + s.sid = key
RETURN key, s.sid AS sid, s.kind AS kind, s.name AS name, s.uscc AS uscc, s.region AS region,
       s.industry AS industry, s.isSOE AS isSOE, s.status AS status,
       s.registeredAt AS registeredAt, s.idMasked AS idMasked
