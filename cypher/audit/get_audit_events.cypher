// Audit events that touched any of the given ids, newest first (for tests and investigators).
// @param ids LIST<STRING>  affected ids to look for
// @param limit INTEGER  at most this many events
// @returns eventId, at, actor, role, purpose, operation, outcome, inputDigest, affectedIds, fields, detail, requestId
MATCH (e:AuditEvent)
WHERE any(id IN e.affectedIds WHERE id IN $ids)
RETURN e.eventId AS eventId, e.at AS at, e.actor AS actor, e.role AS role,
       e.purpose AS purpose, e.operation AS operation, e.outcome AS outcome,
       e.inputDigest AS inputDigest, e.affectedIds AS affectedIds, e.fields AS fields,
       e.detail AS detail, e.requestId AS requestId
ORDER BY at DESC, eventId
LIMIT $limit
