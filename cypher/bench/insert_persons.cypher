// Benchmark floor: insert the persons not yet present (rows already hashed: no raw ID numbers).
// @param rows LIST<MAP>  {sid, idHash, idMasked, idType, name}
// @returns count
UNWIND $rows AS r
OPTIONAL MATCH (old:Subject {sid: r.sid})
WITH r, old
WHERE old IS NULL
CREATE (:Subject:Person {sid: r.sid, idHash: r.idHash, idMasked: r.idMasked, idType: r.idType,
                         name: r.name, kind: 'NATURAL_PERSON'})
RETURN count(*) AS count
