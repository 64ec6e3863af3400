// The oldest alert events waiting for the fan-out.
// @param limit INTEGER  how many
// @returns eventId, kind, change, sids, subjectSid, ref, detail, ruleId, legalBasis, sourceSid, at
MATCH (ev:AlertEvent)
RETURN ev.eventId AS eventId, ev.kind AS kind, ev.change AS change, ev.sids AS sids,
       ev.subjectSid AS subjectSid, ev.ref AS ref, ev.detail AS detail, ev.ruleId AS ruleId,
       ev.legalBasis AS legalBasis, ev.sourceSid AS sourceSid, ev.at AS at
ORDER BY ev.at, ev.eventId
LIMIT $limit
