// Create the credit records of one type in a batch that do not exist yet, keyed by recordId, with
// their subject (HAS_RECORD) and, when given, their issuing authority (ISSUED_BY). The subject and
// the authority must exist, else the row is skipped (and retried later in the run).
// Properties go inline in the CREATE (a missing one is null, so not stored): ArcadeDB pays far
// more for a SET after a CREATE (bench/floor.py).
// @template RECORD_LABEL recordLabel  the label of the record type (from the model)
// @param rows LIST<MAP>  {i: row number, k: recordId, s: subject id, a: authorityId or null, p: properties}
// @returns created
UNWIND $rows AS r
MATCH (s:Subject {sid: r.s})
OPTIONAL MATCH (a:Authority {authorityId: r.a})
WITH r, s, a
WHERE r.a IS NULL OR a IS NOT NULL
OPTIONAL MATCH (e:CreditRecord {recordId: r.k})
WITH r, s, a, e
WHERE e IS NULL
CREATE (s)-[:HAS_RECORD]->(c:CreditRecord:RECORD_LABEL {
  recordId: r.k, recordType: r.p.recordType, decisionNo: r.p.decisionNo,
  decisionDate: r.p.decisionDate, publishedAt: r.p.publishedAt,
  publicationEnd: r.p.publicationEnd, legalBasis: r.p.legalBasis, domain: r.p.domain,
  severity: r.p.severity, procedure: r.p.procedure, penaltyKind: r.p.penaltyKind,
  arrearsKind: r.p.arrearsKind, commitmentStatus: r.p.commitmentStatus, amount: r.p.amount,
  status: coalesce(r.p.status, 'PUBLISHED'), title: r.p.title})
FOREACH (issuer IN CASE WHEN a IS NULL THEN [] ELSE [a] END |
  CREATE (c)-[:ISSUED_BY]->(issuer)
)
RETURN collect(r.i) AS created
