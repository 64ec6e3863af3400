// Benchmark floor: insert the role edges of one type not yet present, keyed by (holder,
// organisation, from).
// @template ROLE relationship the role type
// @param rows LIST<MAP>  {holder, uscc, from, to, ratio, position}
// @returns count
UNWIND $rows AS r
MATCH (h:Subject {sid: r.holder})
MATCH (o:Organization {uscc: r.uscc})
OPTIONAL MATCH (h)-[old:ROLE {from: r.from}]->(o)
WITH h, o, r, old
WHERE old IS NULL
CREATE (h)-[:ROLE {from: r.from, to: r.to, ratio: r.ratio, position: r.position}]->(o)
RETURN count(*) AS count
