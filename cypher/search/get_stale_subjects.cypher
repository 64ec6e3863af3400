// What `creditgraph search rebuild` has to do: the ids of the subjects whose gram edges are not
// exactly the distinct two-character grams of their name (never indexed, or written around the
// hooks), in id order. One pass over the subjects; the rebuild then links them in batches.
// @returns sid
MATCH (s:Subject)
WITH s, coalesce(s.name, '') AS name
WITH s, [i IN range(0, size(name) - 2) | substring(name, i, 2)] AS cut,
     [(s)-[:HAS_GRAM]->(g:NameGram) | g.g] AS have
WITH s, have,
     reduce(want = [], g IN cut | CASE WHEN g IN want THEN want ELSE want + [g] END) AS want
WHERE size(have) <> size(want) OR any(g IN want WHERE NOT g IN have)
RETURN s.sid AS sid
ORDER BY sid
