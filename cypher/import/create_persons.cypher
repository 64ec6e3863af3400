// Create the persons in a batch that do not exist yet, keyed by public id (derived from the keyed
// ID hash). The hash, the masked number, the ID type, the name and the personal data the row
// gives (birth date and gender derived from the ID number, address, phone) are stored, never the
// raw number. Same shape as create_organizations (full label set on CREATE, one index look-up).
// Properties go inline in the CREATE (a missing one is null, so not stored): ArcadeDB pays far
// more for a SET after a CREATE (bench/floor.py).
// @param rows LIST<MAP>  {i: row number in the batch, k: person id, p: {idHash, idMasked, idType, name, birthDate?, gender?, address?, phone?}}
// @returns created
UNWIND $rows AS r
OPTIONAL MATCH (e:Subject {sid: r.k})
WITH r, e
WHERE e IS NULL
CREATE (p:Subject:Person {sid: r.k, kind: 'NATURAL_PERSON', idHash: r.p.idHash,
                          idMasked: r.p.idMasked, idType: r.p.idType, name: r.p.name,
                          birthDate: r.p.birthDate, gender: r.p.gender,
                          address: r.p.address, phone: r.p.phone})
RETURN collect(r.i) AS created
