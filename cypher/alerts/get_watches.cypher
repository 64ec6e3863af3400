// A page of watches, oldest first; `owner` null (an admin) lists everyone's.
// @param owner STRING  the caller, or null for all
// @param skip INTEGER  rows to skip
// @param limit INTEGER  rows to return
// @returns watchId, owner, sid, radius, events, note, createdAt
MATCH (w:Watch)
WHERE $owner IS NULL OR w.owner = $owner
RETURN w.watchId AS watchId, w.owner AS owner, w.sid AS sid, w.radius AS radius,
       w.events AS events, w.note AS note, w.createdAt AS createdAt
ORDER BY w.createdAt, w.watchId
SKIP $skip LIMIT $limit
