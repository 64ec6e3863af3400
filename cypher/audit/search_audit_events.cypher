// One page of audit events, newest first, optionally filtered by operation, actor and time.
// @param operation STRING  only this operation (e.g. readPersonalData), or null
// @param actor STRING  only this principal id, or null
// @param from DATETIME  events at or after this instant, or null
// @param to DATETIME  events at or before this instant, or null
// @param skip INTEGER  offset
// @param limit INTEGER  page size (plus one)
// @returns eventId, at, actor, role, purpose, operation, outcome, inputDigest, affectedIds, fields, detail, requestId
MATCH (e:AuditEvent)
WHERE ($operation IS NULL OR e.operation = $operation)
  AND ($actor IS NULL OR e.actor = $actor)
  AND ($from IS NULL OR e.at >= $from)
  AND ($to IS NULL OR e.at <= $to)
RETURN e.eventId AS eventId, e.at AS at, e.actor AS actor, e.role AS role,
       e.purpose AS purpose, e.operation AS operation, e.outcome AS outcome,
       e.inputDigest AS inputDigest, e.affectedIds AS affectedIds, e.fields AS fields,
       e.detail AS detail, e.requestId AS requestId
ORDER BY at DESC, eventId
SKIP $skip LIMIT $limit
