// How many sanction flags the graph holds (the demo loader: were its consequences derived?).
// @returns count
MATCH (f:Flag)
RETURN count(f) AS count
