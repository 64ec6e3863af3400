// The risk indicators of each subject, strongest first, with the source subject they point at.
// @param sids LIST<STRING>  subjects
// @returns sid, indicatorId, indicatorType, score, ruleId, rationale, computedAt, isRiskIndicator, sourceSid, sourceName, sourceKind, sourceGrade, sourceEntryIds, linkKinds, distance, evidence, triage
UNWIND $sids AS key
MATCH (:Subject {sid: key})<-[:INDICATES]-(i:RiskIndicator)
OPTIONAL MATCH (i)-[:LINKED_TO]->(s:Subject)
OPTIONAL MATCH (t:Triage {indicatorId: i.indicatorId})
RETURN key AS sid, i.indicatorId AS indicatorId, i.indicatorType AS indicatorType,
       i.score AS score, i.ruleId AS ruleId, i.rationale AS rationale,
       i.computedAt AS computedAt, i.isRiskIndicator AS isRiskIndicator,
       i.sourceSid AS sourceSid, s.name AS sourceName, s.kind AS sourceKind,
       i.sourceGrade AS sourceGrade, i.sourceEntryIds AS sourceEntryIds,
       i.linkKinds AS linkKinds, i.distance AS distance, i.evidence AS evidence,
       CASE WHEN t IS NULL THEN null
            ELSE {decision: t.decision, reason: t.reason, by: t.by, role: t.role, at: t.at,
                  fingerprint: t.fingerprint} END AS triage
ORDER BY sid, score DESC, indicatorId
