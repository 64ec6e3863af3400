// Put members into their (created or confirmed) cluster, found through its anchor member, with
// whether each is listed and its grade now; a member leaves any other cluster it was in.
// @param members LIST<MAP>  {clusterId, anchor, sid, listed, grade}
// @returns written
UNWIND $members AS m
MATCH (:Subject {sid: m.anchor})-[:IN_CLUSTER]->(k:RiskCluster {clusterId: m.clusterId})
MATCH (s:Subject {sid: m.sid})
OPTIONAL MATCH (s)-[old:IN_CLUSTER]->(o:RiskCluster)
WHERE o <> k
DELETE old
WITH DISTINCT s, k, m
MERGE (s)-[i:IN_CLUSTER]->(k)
SET i.listed = m.listed, i.grade = m.grade
RETURN count(*) AS written
