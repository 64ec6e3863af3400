// Sweep, a slice at a time, the risk clusters a computation did not confirm.
// @param runId STRING  the computation that just finished
// @param limit INTEGER  slice size
// @returns deleted
MATCH (k:RiskCluster)
WHERE k.runId IS NULL OR k.runId <> $runId
WITH k LIMIT $limit
DETACH DELETE k
RETURN count(*) AS deleted
