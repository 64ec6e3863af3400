// Every property of every relationship, with its type: the privacy audit's second half (the
// name search's gram edges, which hold no property, left out).
// @returns type, props
MATCH ()-[r]->()
WHERE type(r) <> 'HAS_GRAM'
RETURN type(r) AS type, properties(r) AS props
