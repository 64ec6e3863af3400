// Entries derived automatically (P2) from the given source entries that are still in force
// although their source no longer is (a court feed removed it): they follow their source out,
// with its removal reason.
// @param ids LIST<STRING>  source entry ids
// @param statuses LIST<STRING>  statuses under which an entry counts
// @returns entryId, reason
UNWIND $ids AS id
MATCH (src:ListEntry {entryId: id})<-[:DERIVED_FROM]-(d:ListEntry)
WHERE d.status IN $statuses AND NOT src.status IN $statuses
RETURN d.entryId AS entryId, coalesce(src.removalReason, 'BASIS_REVOKED') AS reason
ORDER BY entryId
