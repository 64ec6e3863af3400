// Second half (after `search/unlink_grams`, or alone for subjects created in this transaction,
// which hold no gram yet): link each subject to the distinct two-character grams of its name
// (`substring` here and in the search statements, so both sides cut a name the same way),
// creating a gram at its first use, and return the (gram, key) pairs that enter a gram's heads
// (graph/search/heads.py), so the caller merges them without another read. A name of one
// character has no gram. A new gram's `df` is the number of subjects of this batch holding it,
// and an existing gram's `df` is left as it is: updating the hubs (有限, 公司) on every write
// made a batch 30 times slower (ADR 0006). `df` only steers which gram a search walks, never
// what it finds; `creditgraph search rebuild` recounts it.
// Heads: `head` is a gram's first `HEAD` holders in rank order, `starts` the first of those
// whose name starts with the gram. A key is the name's length, four digits, `|` and the id, so
// key order is the search ranking (shorter names first, then by id). A key enters a head that is
// not full or ranks before its last key (`headFull`, `headLast`: scalars, so a gram nobody
// enters costs no read of its lists); a gram without heads (a database indexed before them:
// `creditgraph search rebuild`) is left alone.
// @param sids LIST<STRING>  subject ids with no gram edge (unlinked, or just created)
// @returns g, head, starts, keys, startKeys
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
WITH n, s
WHERE n.headFull IS NOT NULL
WITH n, right('000' + toString(size(s.name)), 4) + '|' + s.sid AS key,
     s.name STARTS WITH n.g AS starting
WITH n, key, starting,
     NOT n.headFull OR key < n.headLast AS inHead,
     starting AND (NOT n.startsFull OR key < n.startsLast) AS inStarts
WHERE inHead OR inStarts
WITH n, collect(CASE WHEN inHead THEN key END) AS keys,
     collect(CASE WHEN inStarts THEN key END) AS startKeys
RETURN n.g AS g, n.head AS head, n.starts AS starts, keys, startKeys
