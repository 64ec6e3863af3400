// How many watches follow this kind of event: a recomputation that may touch every indicator
// writes no events while nobody follows them.
// @param kind STRING  the event kind
// @returns followers
MATCH (w:Watch)
WHERE $kind IN w.events
RETURN count(w) AS followers
