// Store the heads graph/search/heads.py merged or recomputed (each in rank order, at most the
// head length).
// @param heads LIST<MAP>  {g, head, starts}
// @returns grams
UNWIND $heads AS h
MATCH (n:NameGram {g: h.g})
SET n.head = h.head, n.starts = h.starts
RETURN count(n) AS grams
