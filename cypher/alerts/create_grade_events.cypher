// Alert events for grades that moved in an evaluation run (analytics for supervision, never a
// sanction), in the run's own transaction.
// @param grades LIST<MAP>  {sid, before, after}
// @param scheme STRING  the scheme id (HEBEI_ABCD)
// @param periodEnd DATE  the evaluation's period end
// @param token STRING  unique per call
// @param at DATETIME  when the run committed
// @returns eventId
UNWIND $grades AS x
CREATE (ev:AlertEvent {eventId: 'G:' + x.sid + ':' + toString($periodEnd) + ':' + $token,
                       kind: 'GRADE', change: 'CHANGED', sids: [x.sid], subjectSid: x.sid,
                       ref: $scheme + ':' + toString($periodEnd),
                       detail: x.before + '→' + x.after, ruleId: $scheme, at: $at})
RETURN ev.eventId AS eventId
