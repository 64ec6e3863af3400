// The number of the caller's latest alert (null when it has none).
// @param owner STRING  the caller
// @returns seq
MATCH (a:Alert)
WHERE a.owner = $owner
RETURN max(a.seq) AS seq
