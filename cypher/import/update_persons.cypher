// Set the properties of existing persons (name, masked ID, ID type) by public id.
// @param rows LIST<MAP>  {i: row number in the batch, k: person id, p: {idHash, idMasked, idType, name}}
// @returns updated
UNWIND $rows AS r
MATCH (p:Subject {sid: r.k})
WHERE p:Person
SET p += r.p
RETURN collect(r.i) AS updated
