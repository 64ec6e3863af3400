// Benchmark floor: insert the credit records of one type not yet present, with the edges from
// their subject and, when the row names one, to their issuing authority; every property the
// import writes, status PUBLISHED unless given.
// @template REC recordLabel the record type's label
// @param rows LIST<MAP>  {recordId, subject, authorityId (or null), and the record's properties}
// @returns count
UNWIND $rows AS r
OPTIONAL MATCH (old:CreditRecord {recordId: r.recordId})
WITH r, old
WHERE old IS NULL
MATCH (s:Subject {sid: r.subject})
OPTIONAL MATCH (a:Authority {authorityId: r.authorityId})
WITH r, s, a
WHERE r.authorityId IS NULL OR a IS NOT NULL
CREATE (s)-[:HAS_RECORD]->(c:CreditRecord:REC {recordId: r.recordId, recordType: r.recordType,
         decisionNo: r.decisionNo, decisionDate: r.decisionDate, publishedAt: r.publishedAt,
         publicationEnd: r.publicationEnd, legalBasis: r.legalBasis, domain: r.domain,
         severity: r.severity, procedure: r.procedure, penaltyKind: r.penaltyKind,
         arrearsKind: r.arrearsKind, commitmentStatus: r.commitmentStatus, amount: r.amount,
         status: coalesce(r.status, 'PUBLISHED'), title: r.title})
FOREACH (issuer IN CASE WHEN a IS NULL THEN [] ELSE [a] END |
  CREATE (c)-[:ISSUED_BY]->(issuer)
)
RETURN count(*) AS count
