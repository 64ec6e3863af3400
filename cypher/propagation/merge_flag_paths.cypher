// Record the evidence of each flag: one VIA edge per path, to the source subject, carrying the
// role (or DEBT_RESPONSIBLE_FOR) and the role's dates the rule went through.
// @param paths LIST<MAP>  {flagId, key, viaSid, role, from, to}
// @returns paths
UNWIND $paths AS p
MATCH (flag:Flag {flagId: p.flagId})
MATCH (o:Subject {sid: p.viaSid})
MERGE (flag)-[v:VIA {key: p.key}]->(o)
SET v.role = p.role, v.from = p.from, v.to = p.to
RETURN count(v) AS paths
