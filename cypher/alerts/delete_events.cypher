// Remove alert events once their alerts are written (same transaction).
// @param ids LIST<STRING>  event ids
// @returns removed
UNWIND $ids AS id
MATCH (ev:AlertEvent {eventId: id})
DELETE ev
RETURN count(*) AS removed
