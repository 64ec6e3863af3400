// Subjects (organisations and persons) by public id, one row each for those that exist.
// @param sids LIST<STRING>  public ids (USCC or person id)
// @returns sid, kind, name, uscc, region, industry, isSOE, status, registeredAt, idMasked
UNWIND $sids AS key
MATCH (s:Subject {sid: key})
RETURN s.sid AS sid, s.kind AS kind, s.name AS name, s.uscc AS uscc, s.region AS region,
       s.industry AS industry, s.isSOE AS isSOE, s.status AS status,
       s.registeredAt AS registeredAt, s.idMasked AS idMasked
