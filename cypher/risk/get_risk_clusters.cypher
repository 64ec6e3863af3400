// A page of risk clusters with at least `minListed` listed members, most listed first, then the
// highest share of C/D members, then the largest; the cluster id breaks ties so pages are stable.
// @param minListed INTEGER  fewest listed members
// @param skip INTEGER  clusters to skip
// @param limit INTEGER  clusters to return
// @returns clusterId, size, organizationCount, listedCount, cdCount, cdShare, computedAt
MATCH (k:RiskCluster)
WHERE k.listedCount >= $minListed
RETURN k.clusterId AS clusterId, k.size AS size, k.organizationCount AS organizationCount,
       k.listedCount AS listedCount, k.cdCount AS cdCount, k.cdShare AS cdShare,
       k.computedAt AS computedAt
ORDER BY listedCount DESC, cdShare DESC, size DESC, clusterId
SKIP $skip LIMIT $limit
