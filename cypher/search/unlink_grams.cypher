// First half of keeping the name grams of some subjects in step with their names (same
// transaction as the write that set the names): a subject whose gram edges are not exactly the
// distinct two-character grams of its name loses them all (the grams' `df` is left: see
// `search/link_grams`). `search/link_grams` then links those subjects to their name's grams.
// A subject whose name did not change costs its id look-up and its few gram edges.
// @param sids LIST<STRING>  subject ids whose name may have been set
// @returns stale
UNWIND $sids AS sid
MATCH (s:Subject {sid: sid})
WITH s, coalesce(s.name, '') AS name
WITH s, [i IN range(0, size(name) - 2) | substring(name, i, 2)] AS cut,
     [(s)-[:HAS_GRAM]->(g:NameGram) | g.g] AS have
WITH s, have,
     reduce(want = [], g IN cut | CASE WHEN g IN want THEN want ELSE want + [g] END) AS want
WHERE size(have) <> size(want) OR any(g IN want WHERE NOT g IN have)
OPTIONAL MATCH (s)-[e:HAS_GRAM]->(:NameGram)
DELETE e
WITH DISTINCT s
RETURN collect(s.sid) AS stale
