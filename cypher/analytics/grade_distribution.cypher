// Stored Hebei grades (written by `creditgraph analytics grades`) of one evaluation period, counted
// per region or industry with one column per class, largest group first (HEB §5(3)).
// Neo4j Browser / cypher-shell:
//   :param periodEnd => date('2026-06-30');
//   :param groupBy => 'REGION';
// @param periodEnd DATE  the evaluation's period end
// @param groupBy STRING  REGION or INDUSTRY
// @returns key, A, B, C, D, total
MATCH (e:Evaluation {scheme: 'HEBEI_ABCD', periodEnd: $periodEnd})-[:RATED]->(o:Organization)
WITH CASE $groupBy WHEN 'REGION' THEN o.region ELSE o.industry END AS key, e.grade AS grade
RETURN key, sum(CASE grade WHEN 'A' THEN 1 ELSE 0 END) AS A,
       sum(CASE grade WHEN 'B' THEN 1 ELSE 0 END) AS B,
       sum(CASE grade WHEN 'C' THEN 1 ELSE 0 END) AS C,
       sum(CASE grade WHEN 'D' THEN 1 ELSE 0 END) AS D, count(*) AS total
ORDER BY total DESC, key
