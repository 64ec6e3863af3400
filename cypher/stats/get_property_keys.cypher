// The property keys present in the graph, per node label and per relationship type: checks that
// the declared model (graph/model/domain.yaml `readable`, the `graphModel` query) names every
// property the data holds. Scans the whole graph.
// @returns kind, name, keys
MATCH (n)
UNWIND labels(n) AS label
UNWIND keys(n) AS key
WITH label, collect(DISTINCT key) AS keys
RETURN 'node' AS kind, label AS name, keys
UNION ALL
MATCH ()-[r]->()
UNWIND keys(r) AS key
WITH type(r) AS type, collect(DISTINCT key) AS keys
RETURN 'relationship' AS kind, type AS name, keys
