// Benchmark floor: insert the persons not yet present (rows already hashed: no raw ID numbers),
// with the properties the import writes (birth date and gender read from the ID number, address,
// phone; a missing one is null, so not stored).
// @param rows LIST<MAP>  {sid, idHash, idMasked, idType, name, birthDate, gender, address, phone}
// @returns count
UNWIND $rows AS r
OPTIONAL MATCH (old:Subject {sid: r.sid})
WITH r, old
WHERE old IS NULL
CREATE (:Subject:Person {sid: r.sid, idHash: r.idHash, idMasked: r.idMasked, idType: r.idType,
                         name: r.name, kind: 'NATURAL_PERSON', birthDate: r.birthDate,
                         gender: r.gender, address: r.address, phone: r.phone})
RETURN count(*) AS count
