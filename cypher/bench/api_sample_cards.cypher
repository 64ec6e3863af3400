// Enterprises for the entity-card benchmark: those whose legal representatives hold the most
// roles elsewhere first (the cards with the most nested data).
// @param limit INTEGER  how many
// @returns uscc
MATCH (o:Enterprise)<-[:LEGAL_REPRESENTATIVE_OF]-(p:Person)
OPTIONAL MATCH (p)-[r]->(other:Organization)
WHERE other <> o
WITH o, count(r) AS others
ORDER BY others DESC, o.uscc
LIMIT $limit
RETURN o.uscc AS uscc
