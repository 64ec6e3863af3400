// Distinct shortest routes between two subjects over role and ownership edges (at most 4 hops;
// the caller may ask for fewer). A route is the sequence of its subjects: parallel role edges
// between the same two subjects make one route, not one per edge. A page of routes, in the
// order of their ids, each with every relation between each pair of consecutive subjects.
// @param from STRING  public id of one end
// @param to STRING  public id of the other end
// @param maxDepth INTEGER  longest route wanted (1..4)
// @param roles LIST<STRING>  relationship types a hop's relations are read from (every role)
// @param skip INTEGER  routes to skip, in route order
// @param limit INTEGER  routes to return (page size plus one)
// @returns total, route, hops
MATCH (a:Subject {sid: $from})
MATCH (b:Subject {sid: $to})
MATCH p = allShortestPaths((a)-[:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF|DIRECTOR_OF|SUPERVISOR_OF|SENIOR_MANAGER_OF|SHAREHOLDER_OF|BRANCH_OF|EMPLOYED_BY*..4]-(b))
WHERE length(p) <= $maxDepth
WITH DISTINCT [n IN nodes(p) | n.sid] AS route
WITH route, reduce(k = '', s IN route | k + s + '/') AS routeKey
ORDER BY routeKey
WITH collect(route) AS routes
WITH size(routes) AS total, routes[$skip..($skip + $limit)] AS page
UNWIND (CASE WHEN size(page) = 0 THEN [null] ELSE page END) AS route
UNWIND (CASE WHEN route IS NULL THEN [null] ELSE range(0, size(route) - 2) END) AS i
OPTIONAL MATCH (x:Subject {sid: route[i]})-[r]-(y:Subject {sid: route[i + 1]})
WHERE type(r) IN $roles
WITH total, route, i, x, y, r
ORDER BY i, type(r), r.from, startNode(r).sid
WITH total, route, i, x, y,
     collect({role: type(r), from: r.from, to: r.to, ratio: r.ratio,
              holder: startNode(r).sid, organization: endNode(r).sid}) AS rels
ORDER BY i
WITH total, route,
     collect({i: i, x: {sid: x.sid, kind: x.kind, name: x.name, uscc: x.uscc,
                        idMasked: x.idMasked},
              y: {sid: y.sid, kind: y.kind, name: y.name, uscc: y.uscc, idMasked: y.idMasked},
              rels: rels}) AS hops
RETURN total, route, hops
