// Where each listed person worked ON the source's decision date, in which position (P5: public
// staff of a state organ, public institution or SOE). Jobs without a start date count for
// nobody, as for every role (002 HLJ Art.33).
// @param sources LIST<MAP>  {id, sid, date}: source id, the listed person, the decision date
// @returns sourceId, sid, kind, name, isSOE, position
UNWIND $sources AS src
MATCH (:Person {sid: src.sid})-[r:EMPLOYED_BY]->(o:Organization)
WHERE r.from <= src.date AND (r.to IS NULL OR r.to >= src.date)
RETURN src.id AS sourceId, o.sid AS sid, o.kind AS kind, o.name AS name, o.isSOE AS isSOE,
       r.position AS position
ORDER BY sourceId, sid
