// One breadth-first step that returns relations, not subjects: every relation (in force on
// `asOf`, of the roles followed) between a frontier subject and a neighbour, as the two ids and
// the relation's properties. The caller drops the neighbours it has already reached; nothing is
// decoded but ids, kinds, dates and ratios, and no list of known ids is searched per neighbour,
// so a level of thousands costs what its edges cost.
// @param sids LIST<STRING>  the frontier
// @param roles LIST<STRING>  role types to follow
// @param asOf DATE  the date every followed role must cover
// @param cap INTEGER  most relations returned (a walk that gets this many gives up: too wide)
// @returns fromSid, sid, kind, role, outgoing, roleFrom, roleTo, ratio
UNWIND $sids AS key
MATCH (a:Subject {sid: key})-[r]-(b:Subject)
WHERE type(r) IN $roles
  AND (r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)
RETURN key AS fromSid, b.sid AS sid, b.kind AS kind, type(r) AS role,
       startNode(r) = a AS outgoing, r.from AS roleFrom, r.to AS roleTo, r.ratio AS ratio
LIMIT $cap
