// The members of one stored risk cluster, listed ones first, with each member's grade when the
// cluster was computed and the role and ownership edges between members (current on `asOf`).
// Neo4j Browser / cypher-shell:
//   :param clusterId => 'RCED3A9FE234A32540';
//   :param asOf => date('2026-06-30');
// @param clusterId STRING  the cluster id
// @param asOf DATE  the day edges must cover
// @returns sid, name, kind, listed, grade, links
MATCH (k:RiskCluster {clusterId: $clusterId})<-[i:IN_CLUSTER]-(s:Subject)
RETURN s.sid AS sid, s.name AS name, s.kind AS kind, i.listed AS listed, i.grade AS grade,
       [(s)-[r:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF|SHAREHOLDER_OF]->(o)
          -[:IN_CLUSTER]->(k)
          WHERE (r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)
          | type(r) + ' ' + o.name] AS links
ORDER BY listed DESC, kind, sid
