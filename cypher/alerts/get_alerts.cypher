// The caller's alerts numbered after `after`, in number order (the order they were written):
// the list and the subscription read the same store, so a cursor resumes either.
// @param owner STRING  the caller
// @param after INTEGER  the last number already seen (0: from the start)
// @param unreadOnly BOOLEAN  only alerts not marked read
// @param limit INTEGER  rows to return
// @returns alertId, seq, watchId, owner, eventId, kind, change, subjectSid, ref, detail, ruleId, legalBasis, sourceSid, distance, pathSids, pathJson, occurredAt, createdAt, read, triage, triageReason, triagedAt
MATCH (a:Alert)
WHERE a.owner = $owner AND a.seq > $after AND (NOT $unreadOnly OR a.read = false)
RETURN a.alertId AS alertId, a.seq AS seq, a.watchId AS watchId, a.owner AS owner,
       a.eventId AS eventId, a.kind AS kind, a.change AS change, a.subjectSid AS subjectSid,
       a.ref AS ref, a.detail AS detail, a.ruleId AS ruleId, a.legalBasis AS legalBasis,
       a.sourceSid AS sourceSid, a.distance AS distance, a.pathSids AS pathSids,
       a.pathJson AS pathJson, a.occurredAt AS occurredAt, a.createdAt AS createdAt,
       a.read AS read, a.triage AS triage, a.triageReason AS triageReason,
       a.triagedAt AS triagedAt
ORDER BY a.seq
LIMIT $limit
