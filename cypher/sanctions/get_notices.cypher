// Notifications rules sent with listings (P4, P5, P18, P20) and records (P16, P17), newest
// first, one page: for the officers' board and a subject's file. Every filter given must hold; `overdueOn` keeps those still
// waiting for their handling result after their due day.
// @param noticeId STRING  one notification, or null for all
// @param subjectSid STRING  the listed subject, or null for all
// @param statuses LIST<STRING>  SENT, HANDLED, WITHDRAWN; null for all
// @param recipients LIST<STRING>  recipient functions (graph/rules/propagation.yaml); null for all
// @param authorityId STRING  only those sent to this authority (P20's pushes); null for all
// @param overdueOn DATE  only those still SENT with dueOn before this day; null for all
// @param skip INTEGER  rows to skip
// @param limit INTEGER  page size
// @returns noticeId, ruleId, legalBasis, recipient, recipientSid, authorityId, recipientName, applicationId, sourceId, sourceKind, sourceType, decisionNo, decisionDate, subjectSid, subjectName, subjectKind, sentOn, dueOn, status, handledOn, result, endedAt, endReason
MATCH (n:Notice)-[:ABOUT]->(e)
WHERE ($noticeId IS NULL OR n.noticeId = $noticeId)
  AND ($subjectSid IS NULL OR n.subjectSid = $subjectSid)
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND ($recipients IS NULL OR n.recipient IN $recipients)
  AND ($authorityId IS NULL OR n.authorityId = $authorityId)
  AND ($overdueOn IS NULL OR (n.status = 'SENT' AND n.dueOn < $overdueOn))
MATCH (s:Subject {sid: n.subjectSid})
OPTIONAL MATCH (n)-[:NOTIFIES]->(o)
RETURN n.noticeId AS noticeId, n.ruleId AS ruleId, n.legalBasis AS legalBasis,
       n.recipient AS recipient, n.recipientSid AS recipientSid, n.authorityId AS authorityId,
       o.name AS recipientName, n.applicationId AS applicationId,
       n.sourceId AS sourceId, coalesce(n.sourceKind, 'LIST_ENTRY') AS sourceKind,
       coalesce(e.listType, e.recordType) AS sourceType, e.decisionNo AS decisionNo,
       e.decisionDate AS decisionDate, s.sid AS subjectSid, s.name AS subjectName,
       s.kind AS subjectKind, n.sentOn AS sentOn, n.dueOn AS dueOn, n.status AS status,
       n.handledOn AS handledOn, n.result AS result, n.endedAt AS endedAt,
       n.endReason AS endReason
ORDER BY sentOn DESC, noticeId
SKIP $skip LIMIT $limit
