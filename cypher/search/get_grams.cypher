// Every gram of the name-search index (for `creditgraph search rebuild` to recount them).
// @returns g
MATCH (n:NameGram)
RETURN n.g AS g
