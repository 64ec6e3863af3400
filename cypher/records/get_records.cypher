// Credit records of each subject, newest decision first, one page per subject with the total.
// @param sids LIST<STRING>  subjects
// @param types LIST<STRING>  record types to include, or null for all
// @param from DATE  earliest decision date, or null
// @param to DATE  latest decision date, or null
// @param published LIST<STRING>  when not null, only records with one of these statuses whose
//   publication has begun by `today`, was not stopped and has not ended: the public view
// @param longTerm LIST<STRING>  record types published long-term (no publication end applies)
// @param today DATE  the date that decides publication
// @param skip INTEGER  offset within each subject's list
// @param limit INTEGER  page size (plus one)
// @returns sid, page, total
UNWIND $sids AS key
MATCH (s:Subject {sid: key})-[:HAS_RECORD]->(c:CreditRecord)
WHERE ($types IS NULL OR c.recordType IN $types)
  AND ($from IS NULL OR c.decisionDate >= $from)
  AND ($to IS NULL OR c.decisionDate <= $to)
  AND ($published IS NULL OR (c.status IN $published
                              AND (c.publishedAt IS NULL OR c.publishedAt <= $today)
                              AND (c.publicationStopped IS NULL OR c.publicationStopped = false)
                              AND (c.recordType IN $longTerm OR c.publicationEnd IS NULL
                                   OR c.publicationEnd >= $today)))
WITH key, c
ORDER BY key, c.decisionDate DESC, c.recordId
OPTIONAL MATCH (c)-[:ISSUED_BY]->(a:Authority)
WITH key, collect({recordId: c.recordId, recordType: c.recordType, title: c.title,
                   decisionNo: c.decisionNo, decisionDate: c.decisionDate,
                   publishedAt: c.publishedAt, publicationEnd: c.publicationEnd,
                   legalBasis: c.legalBasis, domain: c.domain, severity: c.severity,
                   procedure: c.procedure, penaltyKind: c.penaltyKind,
                   arrearsKind: c.arrearsKind, amount: c.amount, status: c.status,
                   commitmentStatus: c.commitmentStatus,
                   authorityId: a.authorityId, authorityName: a.name}) AS items
RETURN key AS sid, items[$skip..($skip + $limit)] AS page, size(items) AS total
