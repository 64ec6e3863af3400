// Benchmark floor: upsert list entries with their subject, issuing authority and the persons
// responsible for the debt.
// @param rows LIST<MAP>  {entryId, subject, authorityId, debtors: [sid], props}
// @returns count
UNWIND $rows AS r
MERGE (e:ListEntry {entryId: r.entryId})
SET e += r.props
WITH e, r
MATCH (s:Subject {sid: r.subject})
MERGE (s)-[:LISTED_AS]->(e)
WITH e, r
MATCH (a:Authority {authorityId: r.authorityId})
MERGE (e)-[:ISSUED_BY]->(a)
WITH e, r
CALL (e, r) {
  UNWIND r.debtors AS d
  MATCH (p:Person {sid: d})
  MERGE (p)-[:DEBT_RESPONSIBLE_FOR]->(e)
  RETURN count(*) AS debtors
}
RETURN count(*) AS count
