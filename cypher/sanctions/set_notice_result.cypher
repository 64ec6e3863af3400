// Record the handling result a notified body reported (002 HLJ Art.32: "将处理结果告知认定单位").
// Only a notification still waiting (SENT) takes a result.
// @param noticeId STRING  the notification
// @param result STRING  what was decided, in the body's words
// @param handledOn DATE  the day the result arrived
// @returns noticeId
MATCH (n:Notice {noticeId: $noticeId})
WHERE n.status = 'SENT'
SET n.status = 'HANDLED', n.result = $result, n.handledOn = $handledOn
RETURN n.noticeId AS noticeId
