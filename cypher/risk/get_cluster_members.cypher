// A page of the members of a risk cluster, listed members first, with whether each was listed
// and its grade when the cluster was computed.
// @param clusterId STRING  the cluster id
// @param skip INTEGER  members to skip
// @param limit INTEGER  members to return
// @returns sid, name, kind, uscc, region, industry, isSOE, status, registeredAt, idMasked, listed, grade
MATCH (k:RiskCluster {clusterId: $clusterId})<-[i:IN_CLUSTER]-(s:Subject)
RETURN s.sid AS sid, s.name AS name, s.kind AS kind, s.uscc AS uscc, s.region AS region,
       s.industry AS industry, s.isSOE AS isSOE, s.status AS status,
       s.registeredAt AS registeredAt, s.idMasked AS idMasked, i.listed AS listed,
       i.grade AS grade
ORDER BY listed DESC, kind, sid
SKIP $skip LIMIT $limit
