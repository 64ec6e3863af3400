// One risk cluster by id.
// @param clusterId STRING  the cluster id
// @returns clusterId, size, organizationCount, listedCount, cdCount, cdShare, computedAt
MATCH (k:RiskCluster {clusterId: $clusterId})
RETURN k.clusterId AS clusterId, k.size AS size, k.organizationCount AS organizationCount,
       k.listedCount AS listedCount, k.cdCount AS cdCount, k.cdShare AS cdShare,
       k.computedAt AS computedAt
