// Create or update a batch of credit records of one type, keyed by recordId, with their subject
// (HAS_RECORD) and, when given, their issuing authority (ISSUED_BY). The subject and the authority
// must exist, else the row is left out of `done`; so is a row whose recordId is stored under another
// record type. A record's subject and issuer are fixed when it is first loaded.
// @template RECORD_LABEL recordLabel  the label of the record type (from the model)
// @param rows LIST<MAP>  {i: row number, k: recordId, s: subject id, a: authorityId or null, p: properties}
// @returns done, created
UNWIND $rows AS r
MATCH (s:Subject {sid: r.s})
OPTIONAL MATCH (a:Authority {authorityId: r.a})
WITH r, s, a
WHERE r.a IS NULL OR a IS NOT NULL
OPTIONAL MATCH (e:CreditRecord {recordId: r.k})
WITH r, s, a, e
WHERE e IS NULL OR e:RECORD_LABEL
FOREACH (_ IN CASE WHEN e IS NULL THEN [1] ELSE [] END |
  CREATE (c:CreditRecord:RECORD_LABEL {recordId: r.k, status: 'PUBLISHED'})
  SET c += r.p
  CREATE (s)-[:HAS_RECORD]->(c)
  FOREACH (issuer IN CASE WHEN a IS NULL THEN [] ELSE [a] END |
    CREATE (c)-[:ISSUED_BY]->(issuer)
  )
)
SET e += r.p
RETURN collect(r.i) AS done, sum(CASE WHEN e IS NULL THEN 1 ELSE 0 END) AS created
