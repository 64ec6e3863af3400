// Second half (after `search/unlink_grams`): link each stale subject to the distinct
// two-character grams of its name (`substring` here and in the search statements, so both
// sides cut a name the same way), creating a gram at its first use. A name of one character
// has no gram. A new gram's `df` is the number of subjects of this batch holding it, and an
// existing gram's `df` is left as it is: updating the hubs (有限, 公司) on every write made a
// batch 30 times slower (ADR 0006). `df` only steers which gram a search walks, never what it
// finds; `creditgraph search rebuild` recounts it.
// @param sids LIST<STRING>  subject ids `search/unlink_grams` returned as stale
// @returns links
UNWIND $sids AS sid
MATCH (s:Subject {sid: sid})
WITH s, coalesce(s.name, '') AS name
UNWIND range(0, size(name) - 2) AS i
WITH DISTINCT s, substring(name, i, 2) AS g
WITH g, collect(s) AS holders
MERGE (n:NameGram {g: g})
ON CREATE SET n.df = size(holders), n.head = [], n.starts = [], n.headFull = false,
              n.startsFull = false
WITH n, holders
UNWIND holders AS s
CREATE (s)-[:HAS_GRAM]->(n)
RETURN count(*) AS links
