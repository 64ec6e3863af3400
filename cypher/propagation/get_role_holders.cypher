// Who held each of the given roles in each source's subject ON the source's decision date:
// the role started on or before it and had not ended before it (a role without a start date
// reaches nobody). Today's holders and later ones are not returned (002 HLJ Art.33).
// @param sources LIST<MAP>  {id, sid, date}: source id, its subject, its decision date
// @param roles LIST<STRING>  role relationship types the rules follow (from the model)
// @returns sourceId, sid, kind, name, role, from, to
UNWIND $sources AS src
MATCH (o:Subject {sid: src.sid})<-[r]-(h:Subject)
WHERE type(r) IN $roles AND r.from <= src.date AND (r.to IS NULL OR r.to >= src.date)
RETURN src.id AS sourceId, h.sid AS sid, h.kind AS kind, h.name AS name, type(r) AS role,
       r.from AS from, r.to AS to
ORDER BY sourceId, role, sid
