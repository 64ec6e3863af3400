// Alert events for list entries that a change added or removed, written in the change's own
// transaction (the outbox: graph/alerts/events.py); the fan-out worker serves and removes them.
// @param ids LIST<STRING>  list entry ids
// @param change STRING  ADDED or REMOVED
// @param token STRING  unique per call: an entry added, removed and added again makes three events
// @param at DATETIME  when the change committed (its transaction's clock)
// @returns eventId
UNWIND $ids AS id
MATCH (e:ListEntry {entryId: id})<-[:LISTED_AS]-(s:Subject)
CREATE (ev:AlertEvent {eventId: 'E:' + id + ':' + $change + ':' + $token, kind: 'LIST_ENTRY',
                       change: $change, sids: [s.sid], subjectSid: s.sid, ref: id,
                       detail: e.listType, legalBasis: e.legalBasis, at: $at})
RETURN ev.eventId AS eventId
