// Refresh the figures of clusters that are stored already (same members, so same id), found
// through their anchor member.
// @param clusters LIST<MAP>  {clusterId, anchor, size, organizationCount, listedCount, cdCount, cdShare, listedSids}
// @param computedAt DATETIME  when the clusters were computed
// @param runId STRING  this computation (the sweep removes clusters of other runs)
// @returns updated
UNWIND $clusters AS c
MATCH (:Subject {sid: c.anchor})-[:IN_CLUSTER]->(k:RiskCluster {clusterId: c.clusterId})
SET k.size = c.size, k.organizationCount = c.organizationCount, k.listedCount = c.listedCount,
    k.cdCount = c.cdCount, k.cdShare = c.cdShare, k.listedSids = c.listedSids,
    k.computedAt = $computedAt, k.runId = $runId
RETURN count(k) AS updated
