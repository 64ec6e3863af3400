// The oldest alert events waiting for the fan-out, those deferred as too wide to walk
// (`alerts/defer_events`) after the others.
// @param limit INTEGER  how many
// @returns eventId, wide, kind, change, sids, subjectSid, ref, detail, ruleId, legalBasis, sourceSid, at
MATCH (ev:AlertEvent)
RETURN ev.eventId AS eventId, coalesce(ev.wide, false) AS wide, ev.kind AS kind,
       ev.change AS change, ev.sids AS sids,
       ev.subjectSid AS subjectSid, ev.ref AS ref, ev.detail AS detail, ev.ruleId AS ruleId,
       ev.legalBasis AS legalBasis, ev.sourceSid AS sourceSid, ev.at AS at
ORDER BY coalesce(ev.wide, false), ev.at, ev.eventId
LIMIT $limit
