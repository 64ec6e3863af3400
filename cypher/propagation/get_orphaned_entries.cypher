// Automatically derived entries (P2) still in force although the entry they derive from no
// longer is: they must follow their source out, with its removal reason.
// @param statuses LIST<STRING>  statuses under which an entry counts
// @returns entryId, reason
MATCH (d:ListEntry)-[:DERIVED_FROM]->(src:ListEntry)
WHERE d.status IN $statuses AND NOT src.status IN $statuses
RETURN d.entryId AS entryId, coalesce(src.removalReason, 'BASIS_REVOKED') AS reason
ORDER BY entryId
