// Number of nodes per label (a node with three labels counts once under each): checks an import
// against the generator's manifest. Scans the whole graph. The name search's gram nodes
// (graph/search) are an index derived from names, not data: left out.
// @returns label, count
MATCH (n)
WHERE NOT n:NameGram
UNWIND labels(n) AS label
RETURN label, count(*) AS count
ORDER BY label
