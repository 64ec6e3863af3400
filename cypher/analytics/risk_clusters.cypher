// Stored risk clusters (written by `creditgraph analytics clusters`): connected groups over role
// and ownership edges holding at least `minListed` subjects on a serious list, most listed first,
// then the highest share of C/D organisations. A cluster id hashes its sorted member ids, so it
// is the same on every recomputation while the members stay the same.
// Neo4j Browser / cypher-shell:
//   :param minListed => 1;
//   :param limit => 20;
// @param minListed INTEGER  fewest listed members
// @param limit INTEGER  clusters to return
// @returns clusterId, size, organizationCount, listedCount, cdCount, cdShare, listed, computedAt
MATCH (k:RiskCluster)
WHERE k.listedCount >= $minListed
OPTIONAL MATCH (k)<-[i:IN_CLUSTER]-(s:Subject)
WHERE i.listed
WITH k, collect(s.name) AS listed
RETURN k.clusterId AS clusterId, k.size AS size, k.organizationCount AS organizationCount,
       k.listedCount AS listedCount, k.cdCount AS cdCount, k.cdShare AS cdShare, listed,
       k.computedAt AS computedAt
ORDER BY listedCount DESC, cdShare DESC, size DESC, clusterId
LIMIT $limit
