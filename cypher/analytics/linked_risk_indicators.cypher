// The stored linked-risk indicators (P19) of one subject, strongest first, with the source they
// point at and their evidence paths (JSON). Written by `creditgraph analytics linked-risk` and kept
// up to date by listings, repairs and role changes. Prioritisation only, never a sanction: these
// are :RiskIndicator nodes, not :Flag.
// Neo4j Browser / cypher-shell:
//   :param sid => '91110105MARK0L002H';
// @param sid STRING  the subject (USCC or person id)
// @returns indicatorId, score, ruleId, sourceSid, sourceName, sourceGrade, sourceEntryIds, linkKinds, distance, rationale, evidence
MATCH (:Subject {sid: $sid})<-[:INDICATES]-(i:RiskIndicator)
OPTIONAL MATCH (i)-[:LINKED_TO]->(s:Subject)
RETURN i.indicatorId AS indicatorId, i.score AS score, i.ruleId AS ruleId,
       i.sourceSid AS sourceSid, s.name AS sourceName, i.sourceGrade AS sourceGrade,
       i.sourceEntryIds AS sourceEntryIds, i.linkKinds AS linkKinds, i.distance AS distance,
       i.rationale AS rationale, i.evidence AS evidence
ORDER BY score DESC, indicatorId
