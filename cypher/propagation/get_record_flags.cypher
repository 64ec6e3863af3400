// The flags in force that derive from each credit record (to end those no longer implied, e.g.
// after the arrears record was repaired or corrected).
// @param ids LIST<STRING>  record ids
// @returns sourceId, flagId, ruleId
UNWIND $ids AS id
MATCH (:CreditRecord {recordId: id})<-[:DERIVED_FROM]-(f:Flag)
WHERE f.status = 'ACTIVE'
RETURN id AS sourceId, f.flagId AS flagId, f.ruleId AS ruleId
