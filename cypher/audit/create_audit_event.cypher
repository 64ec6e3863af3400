// Write one audit event inside the caller's transaction: who did what, when, to which ids.
// The input is kept only as a digest (sha256 of its canonical JSON), never as raw data.
// @param eventId STRING  unique id of the event
// @param at DATETIME  when the operation ran (UTC)
// @param actor STRING  the principal's id
// @param role STRING  the principal's role
// @param operation STRING  the mutation or command, e.g. designateListEntry
// @param outcome STRING  OK, or REFUSED for an attempt a rule refused (P21)
// @param inputDigest STRING  sha256 hex of the canonical input JSON
// @param affectedIds LIST<STRING>  ids of the nodes the operation created or changed
// @param detail STRING  a short non-personal note (e.g. the refusal reason), or null
// @returns eventId
CREATE (e:AuditEvent {eventId: $eventId, at: $at, actor: $actor, role: $role,
                      operation: $operation, outcome: $outcome, inputDigest: $inputDigest,
                      affectedIds: $affectedIds, detail: $detail})
RETURN e.eventId AS eventId
