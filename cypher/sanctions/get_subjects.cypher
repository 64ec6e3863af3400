// Subjects by public id with the fields propagation rules test (kind, state ownership).
// @param sids LIST<STRING>  subject ids
// @returns sid, kind, name, isSOE
UNWIND $sids AS key
MATCH (s:Subject {sid: key})
RETURN s.sid AS sid, s.kind AS kind, s.name AS name, s.isSOE AS isSOE
