// Mark alert events whose network was too wide to walk in a round: `alerts/get_events` serves
// them after every other waiting event, so one wide network (a state-asset administration's
// thousands of SOEs) does not hold back the alerts of the changes behind it.
// @param ids LIST<STRING>  event ids
// @returns deferred
UNWIND $ids AS id
MATCH (ev:AlertEvent {eventId: id})
SET ev.wide = true
RETURN count(*) AS deferred
