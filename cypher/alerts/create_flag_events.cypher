// Alert events for sanction flags that a change set or ended (a responsible person punished
// with the listed subject, or released with it), in the change's own transaction.
// @param ids LIST<STRING>  flag ids
// @param change STRING  ADDED or REMOVED
// @param token STRING  unique per call
// @param at DATETIME  when the change committed
// @returns eventId
UNWIND $ids AS id
MATCH (f:Flag {flagId: id})-[:FLAGGED]->(s:Subject)
CREATE (ev:AlertEvent {eventId: 'F:' + id + ':' + $change + ':' + $token, kind: 'FLAG',
                       change: $change, sids: [s.sid], subjectSid: s.sid, ref: id,
                       detail: f.flagType, ruleId: f.ruleId, legalBasis: f.legalBasis,
                       sourceSid: f.sourceSid, at: $at})
RETURN ev.eventId AS eventId
