// Mark the caller's alerts read: the ones named, or every one numbered up to `upTo`.
// @param owner STRING  the caller
// @param ids LIST<STRING>  alert ids (empty: use `upTo`)
// @param upTo INTEGER  the last number to mark (0: none)
// @returns marked
MATCH (a:Alert)
WHERE a.owner = $owner AND a.read = false AND (a.alertId IN $ids OR a.seq <= $upTo)
SET a.read = true
RETURN count(a) AS marked
