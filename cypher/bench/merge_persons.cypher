// Benchmark floor: upsert persons by subject id (rows already hashed: no raw ID numbers).
// @param rows LIST<MAP>  {sid, props}
// @returns count
UNWIND $rows AS r
MERGE (p:Subject:Person {sid: r.sid})
SET p += r.props
RETURN count(*) AS count
