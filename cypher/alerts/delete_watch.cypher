// Remove a watch (its alerts stay: they record what was sent). Owners remove their own; `owner`
// null (an admin) removes any.
// @param watchId STRING  the watch
// @param owner STRING  the caller, or null for any owner
// @returns watchId
MATCH (w:Watch {watchId: $watchId})
WHERE $owner IS NULL OR w.owner = $owner
WITH w, w.watchId AS watchId
DETACH DELETE w
RETURN watchId
