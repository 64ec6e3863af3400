// Create or update a batch of persons keyed by their public id (derived from the keyed ID hash).
// Only the hash, the masked number, the ID type and the name are stored: never the raw number.
// Same create-or-set shape as organisations (one index lookup per row, full label set on create).
// @param rows LIST<MAP>  {i: row number in the batch, k: person id, p: {idHash, idMasked, idType, name}}
// @returns done, created
UNWIND $rows AS r
OPTIONAL MATCH (e:Subject {sid: r.k})
WITH r, e
WHERE e IS NULL OR e:Person
FOREACH (_ IN CASE WHEN e IS NULL THEN [1] ELSE [] END |
  CREATE (p:Subject:Person {sid: r.k, kind: 'NATURAL_PERSON'})
  SET p += r.p
)
SET e += r.p
RETURN collect(r.i) AS done, sum(CASE WHEN e IS NULL THEN 1 ELSE 0 END) AS created
