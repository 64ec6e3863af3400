// Remove the refresh requests made before a full linked-risk recomputation started (it served them).
// @param before DATETIME  when the recomputation started
// @returns deleted
MATCH (r:RiskRefresh)
WHERE r.requestedAt < $before
DELETE r
RETURN count(*) AS deleted
