// Create or update one person by public id; only the keyed hash and masked ID are stored.
// @param sid STRING  public person id (derived from the ID hash)
// @param idHash STRING  keyed hash of the ID number
// @param idMasked STRING  masked ID for display
// @param idType STRING  CITIZEN_ID or OTHER_VALID_ID
// @param name STRING  the person's name
// @returns sid, name, created
OPTIONAL MATCH (existing:Subject {sid: $sid})
WITH existing IS NULL AS created
MERGE (p:Subject:Person {sid: $sid})
SET p.idHash = $idHash, p.idMasked = $idMasked, p.idType = $idType, p.name = $name,
    p.kind = 'NATURAL_PERSON'
RETURN p.sid AS sid, p.name AS name, created
