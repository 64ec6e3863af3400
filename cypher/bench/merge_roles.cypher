// Benchmark floor: upsert role edges of one type, keyed by (holder, organisation, from).
// @template ROLE relationship the role type
// @param rows LIST<MAP>  {holder, uscc, from, props}
// @returns count
UNWIND $rows AS r
MATCH (h:Subject {sid: r.holder})
MATCH (o:Organization {uscc: r.uscc})
MERGE (h)-[e:ROLE {from: r.from}]->(o)
SET e += r.props
RETURN count(*) AS count
