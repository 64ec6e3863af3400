// Write the notifications rules send with list entries (P4, P5), one per (entry, rule,
// recipient, employer): created SENT with the day it was sent and its handling due day; one
// that exists keeps its state (a handled notification stays handled), unless it was withdrawn
// and its entry counts again, when it is sent anew. Idempotent.
// @param notices LIST<MAP>  {noticeId, ruleId, legalBasis, recipient, recipientSid, sourceId, subjectSid, sentOn, dueOn}
// @returns noticeId, created
UNWIND $notices AS x
MATCH (e:ListEntry {entryId: x.sourceId})
OPTIONAL MATCH (old:Notice {noticeId: x.noticeId})
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (:Notice {noticeId: x.noticeId, ruleId: x.ruleId, legalBasis: x.legalBasis,
                   recipient: x.recipient, recipientSid: x.recipientSid,
                   sourceId: x.sourceId, subjectSid: x.subjectSid, sentOn: x.sentOn,
                   dueOn: x.dueOn, status: 'SENT'})-[:ABOUT]->(e))
WITH x, old IS NULL AS created
MATCH (n:Notice {noticeId: x.noticeId})
CALL (n, x) {
  MATCH (o:Organization {sid: x.recipientSid})
  MERGE (n)-[:NOTIFIES]->(o)
}
WITH n, x, created, n.status = 'WITHDRAWN' AS again
SET n.sentOn = CASE WHEN again THEN x.sentOn ELSE n.sentOn END,
    n.dueOn = CASE WHEN again THEN x.dueOn ELSE n.dueOn END,
    n.endedAt = CASE WHEN again THEN null ELSE n.endedAt END,
    n.endReason = CASE WHEN again THEN null ELSE n.endReason END,
    n.status = CASE WHEN again THEN 'SENT' ELSE n.status END
RETURN x.noticeId AS noticeId, created
