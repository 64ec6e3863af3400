// Sweep, a slice at a time, the indicators of one type that a full recomputation did not write
// (their target is no longer linked to any source); each removed one as (id, target, source),
// so the sweep's transaction tells the watches which went (graph/alerts/events.py).
// @param indicatorType STRING  LINKED_RISK
// @param runId STRING  the run that just finished
// @param limit INTEGER  slice size
// @returns indicatorId, target, source
MATCH (i:RiskIndicator {indicatorType: $indicatorType})
WHERE i.runId IS NULL OR i.runId <> $runId
WITH i LIMIT $limit
OPTIONAL MATCH (i)-[:INDICATES]->(t:Subject)
WITH i, i.indicatorId AS indicatorId, collect(t.sid)[0] AS target, i.sourceSid AS source
DETACH DELETE i
RETURN indicatorId, target, source
