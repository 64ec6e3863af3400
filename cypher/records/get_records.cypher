// Credit records of each subject, newest decision first, one page per subject with the total.
// @param sids LIST<STRING>  subjects
// @param types LIST<STRING>  record types to include, or null for all
// @param from DATE  earliest decision date, or null
// @param to DATE  latest decision date, or null
// @param skip INTEGER  offset within each subject's list
// @param limit INTEGER  page size (plus one)
// @returns sid, page, total
UNWIND $sids AS key
MATCH (s:Subject {sid: key})-[:HAS_RECORD]->(c:CreditRecord)
WHERE ($types IS NULL OR c.recordType IN $types)
  AND ($from IS NULL OR c.decisionDate >= $from)
  AND ($to IS NULL OR c.decisionDate <= $to)
WITH key, c
ORDER BY key, c.decisionDate DESC, c.recordId
OPTIONAL MATCH (c)-[:ISSUED_BY]->(a:Authority)
WITH key, collect({recordId: c.recordId, recordType: c.recordType, title: c.title,
                   decisionNo: c.decisionNo, decisionDate: c.decisionDate,
                   publishedAt: c.publishedAt, publicationEnd: c.publicationEnd,
                   legalBasis: c.legalBasis, domain: c.domain, severity: c.severity,
                   procedure: c.procedure, penaltyKind: c.penaltyKind,
                   arrearsKind: c.arrearsKind, amount: c.amount, status: c.status,
                   authorityId: a.authorityId, authorityName: a.name}) AS items
RETURN key AS sid, items[$skip..($skip + $limit)] AS page, size(items) AS total
