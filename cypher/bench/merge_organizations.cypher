// Benchmark floor: upsert organisations of one kind by subject id, with their full label set.
// @template ORG orgLabel the organisation kind's label
// @param rows LIST<MAP>  {sid, props}
// @returns count
UNWIND $rows AS r
MERGE (o:Subject:Organization:ORG {sid: r.sid})
SET o += r.props
RETURN count(*) AS count
