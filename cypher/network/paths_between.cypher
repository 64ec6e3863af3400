// Shortest connecting paths between two subjects over role and ownership edges (at most 4
// hops; the caller may ask for fewer), each as the list of its nodes and its edges.
// @param from STRING  public id of one end
// @param to STRING  public id of the other end
// @param maxDepth INTEGER  longest path wanted (1..4)
// @param limit INTEGER  how many paths
// @returns nodes, rels
MATCH (a:Subject {sid: $from})
MATCH (b:Subject {sid: $to})
MATCH p = allShortestPaths((a)-[:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF|DIRECTOR_OF|SUPERVISOR_OF|SENIOR_MANAGER_OF|SHAREHOLDER_OF|BRANCH_OF|EMPLOYED_BY*..4]-(b))
WHERE length(p) <= $maxDepth
RETURN [n IN nodes(p) | {sid: n.sid, kind: n.kind, name: n.name, uscc: n.uscc,
                         idMasked: n.idMasked}] AS nodes,
       [r IN relationships(p) | {role: type(r), from: r.from, to: r.to, ratio: r.ratio,
                                 holder: startNode(r).sid, organization: endNode(r).sid}] AS rels
LIMIT $limit
