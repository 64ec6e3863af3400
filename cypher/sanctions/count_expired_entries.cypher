// How many entries in force have a period that ended before `asOf` (for the expiry progress).
// @param asOf DATE  the day that decides expiry
// @param inForce LIST<STRING>  statuses under which an entry counts
// @returns count
MATCH (e:ListEntry)
WHERE e.validUntil < $asOf AND e.status IN $inForce
RETURN count(e) AS count
