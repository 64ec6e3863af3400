// Benchmark floor: upsert measures by code.
// @param rows LIST<MAP>  {code, props}
// @returns count
UNWIND $rows AS r
MERGE (m:Measure {code: r.code})
SET m += r.props
RETURN count(*) AS count
