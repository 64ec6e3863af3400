// Benchmark floor: upsert credit records of one type with their subject and issuing authority.
// @template REC recordLabel the record type's label
// @param rows LIST<MAP>  {recordId, subject, authorityId, props}
// @returns count
UNWIND $rows AS r
MERGE (c:CreditRecord:REC {recordId: r.recordId})
SET c += r.props
WITH c, r
MATCH (s:Subject {sid: r.subject})
MERGE (s)-[:HAS_RECORD]->(c)
WITH c, r
MATCH (a:Authority {authorityId: r.authorityId})
MERGE (c)-[:ISSUED_BY]->(a)
RETURN count(*) AS count
