// The (gram, subject) pairs of freshly linked subjects that enter a gram's heads
// (graph/search/heads.py): `head`, the gram's first `$k` holders in rank order, and `starts`,
// the first `$k` of those whose name starts with the gram. A key is the name's length, four
// digits, `|` and the id, so key order is the search ranking (shorter names first, then by id).
// A key enters a head that is not full or ranks before its last key (`headFull`, `headLast`:
// scalars, so a gram nobody enters costs no read of its lists); a gram without heads (a
// database indexed before them: `creditgraph search rebuild`) is left alone.
// @param sids LIST<STRING>  subject ids just linked by `search/link_grams`
// @returns g, head, starts, keys, startKeys
UNWIND $sids AS sid
MATCH (s:Subject {sid: sid})-[:HAS_GRAM]->(n:NameGram)
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
