// Set the non-null properties of existing list entries and link any newly named debt-responsible
// persons, who must exist. An entry's subject and authority are fixed when it is created.
// @param rows LIST<MAP>  {i: row number, k: entryId, s: subject id, a: authorityId, d: person ids, p: properties}
// @returns updated
UNWIND $rows AS r
MATCH (l:ListEntry {entryId: r.k})
CALL (r) {
  UNWIND r.d AS pid
  MATCH (p:Subject {sid: pid}) WHERE p:Person
  RETURN collect(p) AS debtors
}
WITH r, l, debtors
WHERE size(debtors) = size(r.d)
SET l += r.p
FOREACH (p IN debtors | MERGE (p)-[:DEBT_RESPONSIBLE_FOR]->(l))
RETURN collect(r.i) AS updated
