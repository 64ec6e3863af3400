// What a triage names: a linked-risk indicator (with the evidence it is judged on), or else a
// sanction flag of that id (which triage may not touch).
// @param id STRING  the indicator id given
// @returns indicatorId, target, evidence, sourceEntryIds, flagId
OPTIONAL MATCH (i:RiskIndicator {indicatorId: $id})
OPTIONAL MATCH (i)-[:INDICATES]->(t:Subject)
OPTIONAL MATCH (f:Flag {flagId: $id})
RETURN i.indicatorId AS indicatorId, t.sid AS target, i.evidence AS evidence, i.sourceEntryIds AS sourceEntryIds,
       f.flagId AS flagId
LIMIT 1
