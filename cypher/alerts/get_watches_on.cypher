// Watches on any of these subjects that follow this kind of event.
// @param sids LIST<STRING>  subjects reached from the changed one
// @param kind STRING  the event kind
// @returns watchId, owner, sid, radius
UNWIND $sids AS key
MATCH (w:Watch {sid: key})
WHERE $kind IN w.events
RETURN w.watchId AS watchId, w.owner AS owner, w.sid AS sid, w.radius AS radius
