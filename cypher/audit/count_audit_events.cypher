// How many audit events match the filters of search_audit_events.
// @param operation STRING  only this operation, or null
// @param actor STRING  only this principal id, or null
// @param from DATETIME  events at or after this instant, or null
// @param to DATETIME  events at or before this instant, or null
// @returns total
MATCH (e:AuditEvent)
WHERE ($operation IS NULL OR e.operation = $operation)
  AND ($actor IS NULL OR e.actor = $actor)
  AND ($from IS NULL OR e.at >= $from)
  AND ($to IS NULL OR e.at <= $to)
RETURN count(e) AS total
