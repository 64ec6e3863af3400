// Sources that still carry flags in force, so a re-derivation also ends the flags of sources
// that no longer qualify.
// @param sourceKind STRING  LIST_ENTRY or RECORD
// @returns id
MATCH (f:Flag)
WHERE f.status = 'ACTIVE' AND f.sourceKind = $sourceKind
RETURN DISTINCT f.sourceId AS id
ORDER BY id
