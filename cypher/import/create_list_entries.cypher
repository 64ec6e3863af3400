// Create the list entries in a batch that do not exist yet, keyed by entryId, with the listed
// subject (LISTED_AS), the designating authority (ISSUED_BY) and the persons responsible for the
// debt (DEBT_RESPONSIBLE_FOR, HLJ Art.33). All of them must exist, else the row is skipped.
// Properties go inline in the CREATE (a missing one is null, so not stored): ArcadeDB pays far
// more for a SET after a CREATE (bench/floor.py).
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
CREATE (s)-[:LISTED_AS]->(l:ListEntry {
  entryId: r.k, listType: r.p.listType, decisionNo: r.p.decisionNo,
  decisionDate: r.p.decisionDate, reason: r.p.reason, legalBasis: r.p.legalBasis,
  validFrom: r.p.validFrom, validUntil: r.p.validUntil,
  removalConditions: r.p.removalConditions, remedies: r.p.remedies,
  status: coalesce(r.p.status, 'ACTIVE')})-[:ISSUED_BY]->(a)
FOREACH (p IN debtors | CREATE (p)-[:DEBT_RESPONSIBLE_FOR]->(l))
RETURN collect(r.i) AS created
