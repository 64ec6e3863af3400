// A gram's head, recomputed (`creditgraph search rebuild`): the keys of its first `$k` holders in
// rank order (graph/search/heads.py).
// @param g STRING  the gram
// @param k INTEGER  head length
// @returns key
MATCH (n:NameGram {g: $g})<-[:HAS_GRAM]-(s:Subject)
WITH right('000' + toString(size(s.name)), 4) + '|' + s.sid AS key
RETURN key
ORDER BY key
LIMIT $k
