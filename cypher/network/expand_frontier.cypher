// One breadth-first step over role and ownership edges (either direction) from a frontier of
// subjects; the caller keeps the visited set and the parent pointers (one round trip a level).
// @param sids LIST<STRING>  the frontier
// @param roles LIST<STRING>  role types to follow
// @param asOf DATE  the date every followed role must cover
// @returns fromSid, role, outgoing, roleFrom, roleTo, ratio, sid, kind, name, uscc, idMasked
UNWIND $sids AS key
MATCH (a:Subject {sid: key})-[r]-(b:Subject)
WHERE type(r) IN $roles
  AND (r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)
RETURN key AS fromSid, type(r) AS role, startNode(r) = a AS outgoing, r.from AS roleFrom,
       r.to AS roleTo, r.ratio AS ratio, b.sid AS sid, b.kind AS kind, b.name AS name,
       b.uscc AS uscc, b.idMasked AS idMasked
