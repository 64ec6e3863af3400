// Entries still in force whose period ended before `asOf` (validUntil is the last day that
// counts), oldest first, at most `limit`: the work list of `creditgraph expire`.
// @param asOf DATE  the day that decides expiry
// @param inForce LIST<STRING>  statuses under which an entry counts
// @param limit INTEGER  batch size
// @returns entryId
MATCH (e:ListEntry)
WHERE e.validUntil < $asOf AND e.status IN $inForce
RETURN e.entryId AS entryId
ORDER BY e.validUntil, entryId
LIMIT $limit
