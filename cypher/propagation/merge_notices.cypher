// Write the notifications rules send with list entries (P4, P5, P18, P20's pushes) and records
// (P16's reminder, P17's links), one per (source, rule, recipient, recipient node: a subject or
// an authority): created SENT with the day it was sent and its due day (null for a reminder,
// which waits for nothing); one that exists keeps its state (a handled one stays handled),
// unless it was withdrawn and its source counts again, when it is sent anew. Idempotent.
// @param notices LIST<MAP>  {noticeId, ruleId, legalBasis, recipient, recipientSid, authorityId, sourceId, sourceKind, subjectSid, sentOn, dueOn}
// @returns noticeId, created
UNWIND $notices AS x
OPTIONAL MATCH (entry:ListEntry {entryId: x.sourceId})
OPTIONAL MATCH (record:CreditRecord {recordId: x.sourceId})
WITH x, coalesce(entry, record) AS e
WHERE e IS NOT NULL
OPTIONAL MATCH (old:Notice {noticeId: x.noticeId})
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (:Notice {noticeId: x.noticeId, ruleId: x.ruleId, legalBasis: x.legalBasis,
                   recipient: x.recipient, recipientSid: x.recipientSid,
                   authorityId: x.authorityId,
                   sourceId: x.sourceId, sourceKind: x.sourceKind,
                   subjectSid: x.subjectSid, sentOn: x.sentOn,
                   dueOn: x.dueOn, status: 'SENT'})-[:ABOUT]->(e))
WITH x, old IS NULL AS created
MATCH (n:Notice {noticeId: x.noticeId})
// A notice to a body has no recipient subject, one to a subject no authority: look up only the
// key given (ArcadeDB answers a look-up of a null key by scanning the label: seconds at 1M).
CALL (n, x) {
  UNWIND CASE WHEN x.recipientSid IS NULL THEN [] ELSE [x.recipientSid] END AS sid
  MATCH (o:Subject {sid: sid})
  MERGE (n)-[:NOTIFIES]->(o)
}
CALL (n, x) {
  UNWIND CASE WHEN x.authorityId IS NULL THEN [] ELSE [x.authorityId] END AS aid
  MATCH (a:Authority {authorityId: aid})
  MERGE (n)-[:NOTIFIES]->(a)
}
WITH n, x, created, n.status = 'WITHDRAWN' AS again
SET n.sentOn = CASE WHEN again THEN x.sentOn ELSE n.sentOn END,
    n.dueOn = CASE WHEN again THEN x.dueOn ELSE n.dueOn END,
    n.endedAt = CASE WHEN again THEN null ELSE n.endedAt END,
    n.endReason = CASE WHEN again THEN null ELSE n.endReason END,
    n.status = CASE WHEN again THEN 'SENT' ELSE n.status END
RETURN x.noticeId AS noticeId, created
