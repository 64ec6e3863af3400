// Every property of every relationship, with its type: the privacy audit's second half.
// @returns type, props
MATCH ()-[r]->()
RETURN type(r) AS type, properties(r) AS props
