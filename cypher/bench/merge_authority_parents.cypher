// Benchmark floor: link authorities to their parent authority.
// @param rows LIST<MAP>  {child, parent}
// @returns count
UNWIND $rows AS r
MATCH (c:Authority {authorityId: r.child})
MATCH (p:Authority {authorityId: r.parent})
MERGE (c)-[:PARENT_AUTHORITY]->(p)
RETURN count(*) AS count
