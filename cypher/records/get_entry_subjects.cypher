// The listed subject of each list entry, for entries read without their subject.
// @param entryIds LIST<STRING>  entry ids
// @returns entryId, sid, kind, name, uscc, region, industry, isSOE, status, registeredAt,
//   idMasked
UNWIND $entryIds AS key
MATCH (e:ListEntry {entryId: key})<-[:LISTED_AS]-(s:Subject)
RETURN e.entryId AS entryId, s.sid AS sid, s.kind AS kind, s.name AS name, s.uscc AS uscc,
       s.region AS region, s.industry AS industry, s.isSOE AS isSOE, s.status AS status,
       s.registeredAt AS registeredAt, s.idMasked AS idMasked
