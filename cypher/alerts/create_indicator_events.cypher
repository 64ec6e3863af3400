// Alert events for linked-risk indicators that a refresh created or removed (analytics for
// prioritising supervision, never a sanction), in the refresh's own transaction.
// @param indicators LIST<MAP>  {indicatorId, target, source}
// @param change STRING  ADDED or REMOVED
// @param ruleId STRING  the indicator's rule (P19)
// @param indicatorType STRING  LINKED_RISK
// @param token STRING  unique per call
// @param at DATETIME  when the refresh committed
// @returns eventId
UNWIND $indicators AS x
CREATE (ev:AlertEvent {eventId: 'I:' + x.indicatorId + ':' + $change + ':' + $token,
                       kind: 'RISK_INDICATOR', change: $change, sids: [x.target],
                       subjectSid: x.target, ref: x.indicatorId, detail: $indicatorType,
                       ruleId: $ruleId, sourceSid: x.source, at: $at})
RETURN ev.eventId AS eventId
