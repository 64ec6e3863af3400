// Create or update one person by public id; only the keyed hash and masked ID are stored.
// A new person is created with its full label set (a MERGE on two labels is not index-backed on
// ArcadeDB), an existing one is updated.
// @param sid STRING  public person id (derived from the ID hash)
// @param idHash STRING  keyed hash of the ID number
// @param idMasked STRING  masked ID for display
// @param idType STRING  CITIZEN_ID or OTHER_VALID_ID
// @param name STRING  the person's name
// @returns sid, name, created
OPTIONAL MATCH (existing:Subject {sid: $sid})
WITH existing, existing IS NULL AS created
FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END |
  CREATE (:Subject:Person {sid: $sid, kind: 'NATURAL_PERSON'})
)
WITH created
MATCH (p:Subject {sid: $sid})
SET p.idHash = $idHash, p.idMasked = $idMasked, p.idType = $idType, p.name = $name
RETURN p.sid AS sid, p.name AS name, created
