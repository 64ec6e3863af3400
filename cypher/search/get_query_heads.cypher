// The heads of a query's two-character grams (graph/search/heads.py): each gram's holder count
// estimate, whether it has heads at all, and the heads themselves only for a gram held by
// `$broad` subjects or more (a narrow query's gram statement needs none of them). A gram nobody
// holds returns no row.
// @param query STRING  two characters or more
// @param broad INTEGER  holder count from which the heads are returned
// @returns i, g, df, unheaded, head, starts
UNWIND range(0, size($query) - 2) AS i
MATCH (n:NameGram {g: substring($query, i, 2)})
RETURN i, n.g AS g, n.df AS df, n.headFull IS NULL AS unheaded,
       CASE WHEN coalesce(n.df, 0) >= $broad THEN n.head END AS head,
       CASE WHEN coalesce(n.df, 0) >= $broad OR i = 0 THEN n.starts END AS starts
