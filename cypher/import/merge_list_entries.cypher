// Create or update a batch of list entries, keyed by entryId, with the listed subject (LISTED_AS),
// the designating authority (ISSUED_BY) and the persons responsible for the debt
// (DEBT_RESPONSIBLE_FOR, HLJ Art.33). Every one of them must exist, else the row is left out of
// `done`.
// @param rows LIST<MAP>  {i: row number, k: entryId, s: subject id, a: authorityId, d: person ids, p: properties}
// @returns done, created
UNWIND $rows AS r
MATCH (s:Subject {sid: r.s})
MATCH (a:Authority {authorityId: r.a})
CALL (r) {
  UNWIND r.d AS pid
  MATCH (p:Person {sid: pid})
  RETURN collect(p) AS debtors
}
WITH r, s, a, debtors
WHERE size(debtors) = size(r.d)
OPTIONAL MATCH (e:ListEntry {entryId: r.k})
WITH r, s, a, debtors, e IS NULL AS created
MERGE (l:ListEntry {entryId: r.k})
ON CREATE SET l.status = 'ACTIVE'
SET l += r.p
MERGE (s)-[:LISTED_AS]->(l)
MERGE (l)-[:ISSUED_BY]->(a)
FOREACH (p IN debtors | MERGE (p)-[:DEBT_RESPONSIBLE_FOR]->(l))
RETURN collect(r.i) AS done, sum(CASE WHEN created THEN 1 ELSE 0 END) AS created
