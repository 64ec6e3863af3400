// The last step of an alert fan-out walk (`network/expand_edges` narrowed to watched
// neighbours): only a watched subject at the walk's edge can be alerted, and on a large city
// few of the thousands of subjects three hops from a group are, so the rest never travel.
// @param sids LIST<STRING>  the frontier
// @param roles LIST<STRING>  role types to follow
// @param asOf DATE  the date every followed role must cover
// @param cap INTEGER  most relations returned (a walk that gets this many gives up: too wide)
// @returns fromSid, sid, kind, role, outgoing, roleFrom, roleTo, ratio
UNWIND $sids AS key
MATCH (a:Subject {sid: key})-[r]-(b:Subject)
WHERE type(r) IN $roles
  AND (r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)
MATCH (w:Watch {sid: b.sid})
WITH DISTINCT key, b, r, a
RETURN key AS fromSid, b.sid AS sid, b.kind AS kind, type(r) AS role,
       startNode(r) = a AS outgoing, r.from AS roleFrom, r.to AS roleTo, r.ratio AS ratio
LIMIT $cap
