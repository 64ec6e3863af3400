// Every property of every node, with its labels: the privacy audit that no raw ID number is
// stored (tests scan it after an import). The name search's gram nodes (two-character pieces of
// names, graph/search) are derived from names, not imported: left out.
// @returns labels, props
MATCH (n)
WHERE NOT n:NameGram
RETURN labels(n) AS labels, properties(n) AS props
