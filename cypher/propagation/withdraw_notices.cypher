// Withdraw notifications still waiting for their result (kept as history): the entry was
// removed, or no longer starts the rule.
// @param ids LIST<STRING>  notice ids
// @param reason STRING  why (a removal reason, or NO_LONGER_DERIVED)
// @param on DATE  the day
// @returns noticeId
UNWIND $ids AS id
MATCH (n:Notice {noticeId: id})
WHERE n.status = 'SENT'
SET n.status = 'WITHDRAWN', n.endedAt = $on, n.endReason = $reason
RETURN n.noticeId AS noticeId
