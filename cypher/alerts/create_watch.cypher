// A watch on a subject, owned by the caller.
// @param watchId STRING  new id
// @param owner STRING  the token's subject
// @param sid STRING  public id of the watched subject
// @param radius INTEGER  hops (0 = the subject itself)
// @param events LIST<STRING>  event kinds followed
// @param note STRING  the owner's note, or null
// @param at DATETIME  when it was created
// @returns watchId, owner, sid, radius, events, note, createdAt
MATCH (s:Subject {sid: $sid})
CREATE (w:Watch {watchId: $watchId, owner: $owner, sid: $sid, radius: $radius,
                 events: $events, note: $note, createdAt: $at})
CREATE (w)-[:WATCHES]->(s)
RETURN w.watchId AS watchId, w.owner AS owner, w.sid AS sid, w.radius AS radius,
       w.events AS events, w.note AS note, w.createdAt AS createdAt
