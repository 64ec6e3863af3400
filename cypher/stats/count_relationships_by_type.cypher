// Number of relationships per type: checks an import against the generator's manifest. Scans
// every relationship (but the name search's gram edges, an index derived from names).
// @returns type, count
MATCH ()-[r]->()
WHERE type(r) <> 'HAS_GRAM'
RETURN type(r) AS type, count(*) AS count
ORDER BY type
