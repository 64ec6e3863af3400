// Remove list entries still in force, together with the entries derived from them (P2), and
// stop their publication; the entries stay as history with the removal reason (P11–P14).
// @param ids LIST<STRING>  entries to remove
// @param inForce LIST<STRING>  statuses under which an entry counts
// @param reason STRING  OBJECTION_UPHELD, REPAIRED, EXPIRED or BASIS_REVOKED
// @param on DATE  the day of removal
// @param stopPublication BOOLEAN  whether publication stops (it does for every reason today)
// @param note STRING  why, in the deciding officer's words (e.g. which basis was revoked), or null
// @returns entryId, sid
UNWIND $ids AS id
MATCH (e:ListEntry {entryId: id})
OPTIONAL MATCH (e)<-[:DERIVED_FROM]-(d:ListEntry)
WITH collect(e) + collect(d) AS found
UNWIND found AS x
WITH DISTINCT x
WHERE x.status IN $inForce
MATCH (x)<-[:LISTED_AS]-(s:Subject)
SET x.status = 'REMOVED', x.removalReason = $reason, x.removedAt = $on,
    x.publicationStopped = $stopPublication, x.removalNote = $note
RETURN x.entryId AS entryId, s.sid AS sid
