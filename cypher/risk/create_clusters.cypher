// Create new risk clusters, each with its first member (the anchor, through which the cluster is
// found again without an index); write_cluster_members adds the others. A subject is in at most
// one cluster, so the anchor's old IN_CLUSTER edge goes.
// @param clusters LIST<MAP>  {clusterId, anchor, anchorListed, anchorGrade, size, organizationCount, listedCount, cdCount, cdShare, listedSids}
// @param computedAt DATETIME  when the clusters were computed
// @param runId STRING  this computation (the sweep removes clusters of other runs)
// @returns created
UNWIND $clusters AS c
MATCH (a:Subject {sid: c.anchor})
OPTIONAL MATCH (a)-[old:IN_CLUSTER]->(:RiskCluster)
DELETE old
WITH DISTINCT a, c
CREATE (k:RiskCluster {clusterId: c.clusterId, size: c.size,
                       organizationCount: c.organizationCount, listedCount: c.listedCount,
                       cdCount: c.cdCount, cdShare: c.cdShare, listedSids: c.listedSids,
                       computedAt: $computedAt, runId: $runId})
CREATE (a)-[:IN_CLUSTER {listed: c.anchorListed, grade: c.anchorGrade}]->(k)
RETURN count(k) AS created
