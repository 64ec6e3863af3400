// Benchmark floor: insert the list entries not yet present, with the edges from their subject,
// to their issuing authority and from the persons responsible for the debt; status ACTIVE unless
// given, as the import has it.
// @param rows LIST<MAP>  {entryId, subject, authorityId, debtors: [sid], and the entry's properties}
// @returns count
UNWIND $rows AS r
OPTIONAL MATCH (old:ListEntry {entryId: r.entryId})
WITH r, old
WHERE old IS NULL
MATCH (s:Subject {sid: r.subject})
MATCH (a:Authority {authorityId: r.authorityId})
CREATE (s)-[:LISTED_AS]->(e:ListEntry {entryId: r.entryId, listType: r.listType,
         decisionNo: r.decisionNo, decisionDate: r.decisionDate, reason: r.reason,
         legalBasis: r.legalBasis, validFrom: r.validFrom, validUntil: r.validUntil,
         removalConditions: r.removalConditions, remedies: r.remedies,
         status: coalesce(r.status, 'ACTIVE')})
         -[:ISSUED_BY]->(a)
WITH e, r
CALL (e, r) {
  UNWIND r.debtors AS d
  MATCH (p:Subject {sid: d}) WHERE p:Person
  CREATE (p)-[:DEBT_RESPONSIBLE_FOR]->(e)
  RETURN count(*) AS debtors
}
RETURN count(*) AS count
