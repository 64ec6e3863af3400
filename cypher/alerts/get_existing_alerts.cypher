// Which of these alerts exist already (an event served again after a worker died between
// writing its alerts and removing it).
// @param ids LIST<STRING>  alert ids
// @returns alertId
UNWIND $ids AS id
MATCH (a:Alert {alertId: id})
RETURN a.alertId AS alertId
