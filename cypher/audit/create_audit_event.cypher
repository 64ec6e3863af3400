// Write one audit event inside the caller's transaction: who did what, in which role, for which
// stated purpose, when, to which ids (and, for a read of personal data, which fields).
// The input is kept only as a digest (sha256 of its canonical JSON), never as raw data.
// @param eventId STRING  unique id of the event
// @param at DATETIME  when the operation ran (UTC)
// @param actor STRING  the principal's id
// @param role STRING  the principal's role
// @param purpose STRING  the purpose the principal stated (X-Purpose), or null
// @param operation STRING  the mutation, read or command, e.g. designateListEntry
// @param outcome STRING  OK, or REFUSED for an attempt a rule refused (P21)
// @param inputDigest STRING  sha256 hex of the canonical input JSON
// @param affectedIds LIST<STRING>  ids of the nodes the operation created, changed or read
// @param fields LIST<STRING>  protected fields read (personal-data reads), else empty
// @param detail STRING  a short non-personal note (e.g. the refusal reason), or null
// @param requestId STRING  the id of the HTTP request it served (X-Request-ID), or null
// @returns eventId
CREATE (e:AuditEvent {eventId: $eventId, at: $at, actor: $actor, role: $role, purpose: $purpose,
                      operation: $operation, outcome: $outcome, inputDigest: $inputDigest,
                      affectedIds: $affectedIds, fields: $fields, detail: $detail,
                      requestId: $requestId})
RETURN e.eventId AS eventId
