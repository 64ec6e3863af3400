// Set the properties of existing persons (name, masked ID, ID type, and the personal data a row
// gives: birth date and gender derived from the ID number, address, phone) by public id.
// @param rows LIST<MAP>  {i: row number in the batch, k: person id, p: {idHash, idMasked, idType, name, birthDate?, gender?, address?, phone?}}
// @returns updated
UNWIND $rows AS r
MATCH (p:Subject {sid: r.k})
WHERE p:Person
SET p += r.p
RETURN collect(r.i) AS updated
