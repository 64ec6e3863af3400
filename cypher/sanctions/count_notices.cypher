// How many notifications `get_notices` would list with the same filters (its totalCount).
// @param noticeId STRING  one notification, or null for all
// @param subjectSid STRING  the listed subject, or null for all
// @param statuses LIST<STRING>  SENT, HANDLED, WITHDRAWN; null for all
// @param recipients LIST<STRING>  recipient functions; null for all
// @param authorityId STRING  only those sent to this authority (P20); null for all
// @param overdueOn DATE  only those still SENT with dueOn before this day; null for all
// @returns count
MATCH (n:Notice)
WHERE ($noticeId IS NULL OR n.noticeId = $noticeId)
  AND ($subjectSid IS NULL OR n.subjectSid = $subjectSid)
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND ($recipients IS NULL OR n.recipient IN $recipients)
  AND ($authorityId IS NULL OR n.authorityId = $authorityId)
  AND ($overdueOn IS NULL OR (n.status = 'SENT' AND n.dueOn < $overdueOn))
RETURN count(n) AS count
