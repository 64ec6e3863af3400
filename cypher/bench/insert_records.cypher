// Benchmark floor: insert the credit records of one type not yet present, with the edges from
// their subject and to their issuing authority.
// @template REC recordLabel the record type's label
// @param rows LIST<MAP>  {recordId, subject, authorityId, and the record's properties}
// @returns count
UNWIND $rows AS r
OPTIONAL MATCH (old:CreditRecord {recordId: r.recordId})
WITH r, old
WHERE old IS NULL
MATCH (s:Subject {sid: r.subject})
MATCH (a:Authority {authorityId: r.authorityId})
CREATE (s)-[:HAS_RECORD]->(:CreditRecord:REC {recordId: r.recordId, recordType: r.recordType,
         decisionNo: r.decisionNo, decisionDate: r.decisionDate, publishedAt: r.publishedAt,
         publicationEnd: r.publicationEnd, legalBasis: r.legalBasis, domain: r.domain,
         severity: r.severity, procedure: r.procedure, penaltyKind: r.penaltyKind,
         arrearsKind: r.arrearsKind, amount: r.amount, status: r.status, title: r.title})
         -[:ISSUED_BY]->(a)
RETURN count(*) AS count
