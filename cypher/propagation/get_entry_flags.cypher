// The flags in force that derive from each list entry (to end those a rule no longer implies).
// @param ids LIST<STRING>  entry ids
// @returns sourceId, flagId, ruleId
UNWIND $ids AS id
MATCH (:ListEntry {entryId: id})<-[:DERIVED_FROM]-(f:Flag)
WHERE f.status = 'ACTIVE'
RETURN id AS sourceId, f.flagId AS flagId, f.ruleId AS ruleId
