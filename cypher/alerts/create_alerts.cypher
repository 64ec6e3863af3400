// Write alerts, each already numbered (`seq`, the order a reader resumes from).
// @param alerts LIST<MAP>  {alertId, seq, watchId, owner, eventId, kind, change, subjectSid, ref, detail, ruleId, legalBasis, sourceSid, distance, pathSids, pathJson, occurredAt}
// @param at DATETIME  when they are written
// @returns alertId
UNWIND $alerts AS x
CREATE (a:Alert {alertId: x.alertId, seq: x.seq, watchId: x.watchId, owner: x.owner,
                 eventId: x.eventId, kind: x.kind, change: x.change, subjectSid: x.subjectSid,
                 ref: x.ref, detail: x.detail, ruleId: x.ruleId, legalBasis: x.legalBasis,
                 sourceSid: x.sourceSid, distance: x.distance, pathSids: x.pathSids,
                 pathJson: x.pathJson, occurredAt: x.occurredAt, createdAt: $at, read: false})
RETURN a.alertId AS alertId
