// The last breadth-first step of a related-party search: like `network/expand_frontier`, but
// it returns only how many subjects the level adds and the page of them (by id) that the
// caller shows, so a level of thousands travels as one row; each with every relation to its
// parent (`via`, as in `network/expand_frontier`).
// @param sids LIST<STRING>  the frontier
// @param known LIST<STRING>  ids already reached at the previous level and in the frontier
// @param roles LIST<STRING>  role types to follow
// @param asOf DATE  the date every followed role must cover
// @param skip INTEGER  offset of the page within the level, by id
// @param limit INTEGER  page size
// @returns total, page
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
WITH b, via
ORDER BY b.sid
WITH collect([b, via]) AS found
RETURN size(found) AS total,
       [x IN found[$skip..($skip + $limit)] | {sid: x[0].sid, kind: x[0].kind,
        name: x[0].name, uscc: x[0].uscc, idMasked: x[0].idMasked, via: x[1]}] AS page
