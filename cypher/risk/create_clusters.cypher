// Create new risk clusters and move their members into them (a subject is in at most one
// cluster: its old IN_CLUSTER edge goes). Each member edge keeps whether the member was listed
// and its grade when the cluster was computed.
// @param clusters LIST<MAP>  {clusterId, size, organizationCount, listedCount, cdCount, cdShare, listedSids, members: [{sid, listed, grade}]}
// @param computedAt DATETIME  when the clusters were computed
// @param runId STRING  this computation (the sweep removes clusters of other runs)
// @returns created
UNWIND $clusters AS c
CREATE (k:RiskCluster {clusterId: c.clusterId, size: c.size,
                       organizationCount: c.organizationCount, listedCount: c.listedCount,
                       cdCount: c.cdCount, cdShare: c.cdShare, listedSids: c.listedSids,
                       computedAt: $computedAt, runId: $runId})
WITH k, c
UNWIND c.members AS m
MATCH (s:Subject {sid: m.sid})
OPTIONAL MATCH (s)-[old:IN_CLUSTER]->(:RiskCluster)
DELETE old
WITH DISTINCT k, s, m
CREATE (s)-[:IN_CLUSTER {listed: m.listed, grade: m.grade}]->(k)
RETURN count(DISTINCT k) AS created
