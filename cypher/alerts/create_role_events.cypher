// Alert events for roles a change wrote or ended: a new tie can connect a watched subject to a
// listed one, so both ends are where the fan-out starts from.
// @param roles LIST<MAP>  {holder, organization, role}
// @param change STRING  ADDED or REMOVED
// @param token STRING  unique per call
// @param at DATETIME  when the change committed
// @returns eventId
UNWIND range(0, size($roles) - 1) AS i
WITH i, $roles[i] AS x
CREATE (ev:AlertEvent {eventId: 'R:' + x.holder + '>' + x.organization + ':' + x.role + ':'
                                + $change + ':' + $token + ':' + toString(i),
                       kind: 'ROLE', change: $change, sids: [x.organization, x.holder],
                       subjectSid: x.organization, ref: x.holder, detail: x.role, at: $at})
RETURN ev.eventId AS eventId
