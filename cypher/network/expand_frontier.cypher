// One breadth-first step over role and ownership edges (either direction) from a frontier of
// subjects: each subject reached for the first time, once, with every relation (in force on
// `asOf`, of the roles followed) to its parent, the frontier subject of the edge that reached it
// first (by frontier id, role, start date: the caller's deterministic parent), that edge first.
// `known` holds the previous level and the frontier itself, where every other neighbour lies.
// @param sids LIST<STRING>  the frontier
// @param known LIST<STRING>  ids already reached at the previous level and in the frontier
// @param roles LIST<STRING>  role types to follow
// @param asOf DATE  the date every followed role must cover
// @returns sid, kind, name, uscc, idMasked, via
UNWIND $sids AS key
MATCH (a:Subject {sid: key})-[r]-(b:Subject)
WHERE type(r) IN $roles
  AND (r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)
  AND NOT b.sid IN $known
WITH b, key, r, startNode(r) = a AS outgoing
ORDER BY key, type(r), r.from
WITH b, collect({fromSid: key, role: type(r), outgoing: outgoing, roleFrom: r.from,
                 roleTo: r.to, ratio: r.ratio}) AS vias
WITH b, [v IN vias WHERE v.fromSid = vias[0].fromSid] AS via
RETURN b.sid AS sid, b.kind AS kind, b.name AS name, b.uscc AS uscc, b.idMasked AS idMasked,
       via
