// How many risk clusters have at least `minListed` listed members.
// @param minListed INTEGER  fewest listed members
// @returns n
MATCH (k:RiskCluster)
WHERE k.listedCount >= $minListed
RETURN count(k) AS n
