// The oldest pending linked-risk refresh requests.
// @param limit INTEGER  most requests returned
// @returns sid, token, requestedAt
MATCH (r:RiskRefresh)
RETURN r.sid AS sid, r.token AS token, r.requestedAt AS requestedAt
ORDER BY requestedAt, sid
LIMIT $limit
