// Remove every node and relationship: used by tests to start a scenario from an empty graph.
// @returns deleted
MATCH (n)
DETACH DELETE n
RETURN count(*) AS deleted
