// Raw floor of a dashboard's page of 100 enterprises of a region (shortest names first), each
// with up to 10 role edges (role, from, to) and their holders' id and name: one statement.
// @param region STRING  region code
// @returns sid, name, uscc, industry, roles
MATCH (s:Organization)
WHERE s.region = $region AND s:Enterprise
WITH s ORDER BY size(s.name), s.sid LIMIT 100
CALL (s) {
  MATCH (s)<-[r]-(h:Subject)
  WITH r, h ORDER BY type(r), r.from, h.sid LIMIT 10
  RETURN collect({role: type(r), from: r.from, to: r.to, id: h.sid, name: h.name}) AS roles
}
RETURN s.sid AS sid, s.name AS name, s.uscc AS uscc, s.industry AS industry, roles
