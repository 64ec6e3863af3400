// Every property of every node, with its labels: the privacy audit that no raw ID number is
// stored (tests scan it after an import).
// @returns labels, props
MATCH (n)
RETURN labels(n) AS labels, properties(n) AS props
