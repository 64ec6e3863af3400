// Write linked-risk indicators (P19): one per (target, source) pair, pointing at the target
// (INDICATES) and at the source (LINKED_TO), with the evidence paths as JSON. Always labelled
// :RiskIndicator with isRiskIndicator = true, never :Flag: an indicator is not a sanction.
// @param indicators LIST<MAP>  {indicatorId, target, source, score, rationale, sourceGrade, sourceEntryIds, linkKinds, viaSids, distance, evidence}
// @param indicatorType STRING  LINKED_RISK
// @param ruleId STRING  P19
// @param computedAt DATETIME  when the indicators were computed
// @param runId STRING  the computation run (a full recomputation sweeps the other runs)
// @returns created
UNWIND $indicators AS ind
MATCH (t:Subject {sid: ind.target})
MATCH (s:Subject {sid: ind.source})
CREATE (i:RiskIndicator {indicatorId: ind.indicatorId, indicatorType: $indicatorType,
                         score: ind.score, ruleId: $ruleId, rationale: ind.rationale,
                         computedAt: $computedAt, isRiskIndicator: true, runId: $runId,
                         sourceSid: ind.source, sourceGrade: ind.sourceGrade,
                         sourceEntryIds: ind.sourceEntryIds, linkKinds: ind.linkKinds,
                         viaSids: ind.viaSids, distance: ind.distance,
                         evidence: ind.evidence})
CREATE (i)-[:INDICATES]->(t)
CREATE (i)-[:LINKED_TO]->(s)
RETURN count(i) AS created
