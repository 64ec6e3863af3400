// Benchmark floor: link authorities to their parent authority unless already linked.
// @param rows LIST<MAP>  {child, parent}
// @returns count
UNWIND $rows AS r
MATCH (c:Authority {authorityId: r.child})
MATCH (p:Authority {authorityId: r.parent})
OPTIONAL MATCH (c)-[old:PARENT_AUTHORITY]->(p)
WITH c, p, old
WHERE old IS NULL
CREATE (c)-[:PARENT_AUTHORITY]->(p)
RETURN count(*) AS count
