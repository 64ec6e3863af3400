// Sweep, a slice at a time, the indicators of one type that a full recomputation did not write
// (their target is no longer linked to any source).
// @param indicatorType STRING  LINKED_RISK
// @param runId STRING  the run that just finished
// @param limit INTEGER  slice size
// @returns deleted
MATCH (i:RiskIndicator {indicatorType: $indicatorType})
WHERE i.runId IS NULL OR i.runId <> $runId
WITH i LIMIT $limit
DETACH DELETE i
RETURN count(*) AS deleted
