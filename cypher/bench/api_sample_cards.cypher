// Enterprises whose people hold roles elsewhere too: the subjects of the entity-card benchmark.
// @param limit INTEGER  how many
// @returns uscc
MATCH (o:Enterprise)<-[:LEGAL_REPRESENTATIVE_OF]-(p:Person)-[]->(other:Organization)
WHERE other <> o
WITH DISTINCT o.uscc AS uscc
RETURN uscc
ORDER BY uscc
LIMIT $limit
