// Every subject a linked-risk indicator is on (the explanation scan of the demo).
// @returns sid
MATCH (:RiskIndicator)-[:INDICATES]->(s:Subject)
RETURN DISTINCT s.sid AS sid
ORDER BY sid
