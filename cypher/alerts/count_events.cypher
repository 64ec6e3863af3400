// How many alert events wait for the fan-out, and since when.
// @returns pending, oldest
MATCH (ev:AlertEvent)
RETURN count(ev) AS pending, min(ev.at) AS oldest
