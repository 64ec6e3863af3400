// Number of nodes per label (a node with three labels counts once under each): checks an import
// against the generator's manifest. Scans the whole graph.
// @returns label, count
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
