// Create the list entries in a batch that do not exist yet, keyed by entryId, with the listed
// subject (LISTED_AS), the designating authority (ISSUED_BY) and the persons responsible for the
// debt (DEBT_RESPONSIBLE_FOR, HLJ Art.33). All of them must exist, else the row is skipped.
// @param rows LIST<MAP>  {i: row number, k: entryId, s: subject id, a: authorityId, d: person ids, p: properties}
// @returns created
UNWIND $rows AS r
MATCH (s:Subject {sid: r.s})
MATCH (a:Authority {authorityId: r.a})
OPTIONAL MATCH (e:ListEntry {entryId: r.k})
WITH r, s, a, e
WHERE e IS NULL
CALL (r) {
  UNWIND r.d AS pid
  MATCH (p:Subject {sid: pid}) WHERE p:Person
  RETURN collect(p) AS debtors
}
WITH r, s, a, debtors
WHERE size(debtors) = size(r.d)
CREATE (s)-[:LISTED_AS]->(l:ListEntry {entryId: r.k, status: 'ACTIVE'})-[:ISSUED_BY]->(a)
SET l += r.p
FOREACH (p IN debtors | CREATE (p)-[:DEBT_RESPONSIBLE_FOR]->(l))
RETURN collect(r.i) AS created
