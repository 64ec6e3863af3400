// Store the heads graph/search/heads.py merged or recomputed (each in rank order, at most the
// head length), with whether each is full and its last key (what `search/get_head_entrants`
// compares with).
// @param heads LIST<MAP>  {g, head, starts, headFull, startsFull}
// @returns grams
UNWIND $heads AS h
MATCH (n:NameGram {g: h.g})
SET n.head = h.head, n.starts = h.starts, n.headFull = h.headFull,
    n.startsFull = h.startsFull, n.headLast = h.head[size(h.head) - 1],
    n.startsLast = h.starts[size(h.starts) - 1]
RETURN count(n) AS grams
