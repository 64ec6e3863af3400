// How many subjects hold the rarest of a query's two-character grams (its `df`, an estimate:
// graph/search/grams.py), 0 when a gram is held by nobody: what a gram statement for the query
// walks, against which a search within a region weighs the region's size (graph/subjects.py).
// @param query STRING  two characters or more
// @returns rarest
UNWIND range(0, size($query) - 2) AS i
OPTIONAL MATCH (n:NameGram {g: substring($query, i, 2)})
RETURN min(coalesce(n.df, 0)) AS rarest
