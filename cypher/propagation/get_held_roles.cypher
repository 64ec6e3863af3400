// The organisations each source's subject held one of the given roles in ON the source's
// decision date (P18: the associations a listed organisation was a member of that day). A role
// without a start date counts for nobody, as for every role (002 HLJ Art.33).
// @param sources LIST<MAP>  {id, sid, date}: source id, its subject, its decision date
// @param roles LIST<STRING>  role relationship types the rules follow outwards (from the model)
// @returns sourceId, sid, kind, name, role, from, to
UNWIND $sources AS src
MATCH (:Subject {sid: src.sid})-[r]->(o:Organization)
WHERE type(r) IN $roles AND r.from <= src.date AND (r.to IS NULL OR r.to >= src.date)
RETURN src.id AS sourceId, o.sid AS sid, o.kind AS kind, o.name AS name, type(r) AS role,
       r.from AS from, r.to AS to
ORDER BY sourceId, role, sid
