// Benchmark floor: upsert authorities by id with a plain UNWIND/MERGE (no validation, no
// change detection), the least work an import of the same rows can do.
// @param rows LIST<MAP>  {authorityId, props}
// @returns count
UNWIND $rows AS r
MERGE (a:Authority {authorityId: r.authorityId})
SET a += r.props
RETURN count(*) AS count
