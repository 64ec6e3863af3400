// Number of relationships per type: checks an import against the generator's manifest. Scans
// every relationship.
// @returns type, count
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS count
ORDER BY type
