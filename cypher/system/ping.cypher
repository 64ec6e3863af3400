// Liveness probe of the graph database: answers one row without touching data.
// @returns ok
RETURN 1 AS ok
