// One notification's state (before recording its handling result).
// @param noticeId STRING  the notification
// @returns noticeId, status, dueOn
MATCH (n:Notice {noticeId: $noticeId})
RETURN n.noticeId AS noticeId, n.status AS status, n.dueOn AS dueOn
