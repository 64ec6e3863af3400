// How many linked-risk refresh requests wait, and since when.
// @returns pending, oldest
MATCH (r:RiskRefresh)
RETURN count(r) AS pending, min(r.requestedAt) AS oldest
