// Which of the given clusters are already stored, found through one member each (a subject is in
// at most one cluster, and a cluster id is a hash of its members, so the member leads to it).
// @param clusters LIST<MAP>  {clusterId, anchor} with anchor one member's sid
// @returns clusterId
UNWIND $clusters AS c
MATCH (:Subject {sid: c.anchor})-[:IN_CLUSTER]->(k:RiskCluster {clusterId: c.clusterId})
RETURN DISTINCT k.clusterId AS clusterId
