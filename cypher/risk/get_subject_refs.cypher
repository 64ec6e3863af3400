// Subjects by sid with what risk answers show of them (persons: name and masked ID only).
// @param sids LIST<STRING>  subjects (USCC or person id)
// @returns sid, name, kind, uscc, region, industry, isSOE, status, registeredAt, idMasked
UNWIND $sids AS key
MATCH (s:Subject {sid: key})
RETURN s.sid AS sid, s.name AS name, s.kind AS kind, s.uscc AS uscc, s.region AS region,
       s.industry AS industry, s.isSOE AS isSOE, s.status AS status,
       s.registeredAt AS registeredAt, s.idMasked AS idMasked
