// Stored grades of one evaluation period counted per region or industry of the organisation
// (HEB §5(3): statistics by region and industry).
// @param scheme STRING  the scheme id (HEBEI_ABCD)
// @param periodEnd DATE  the evaluation's period end
// @param groupBy STRING  REGION or INDUSTRY
// @returns key, grade, n
MATCH (e:Evaluation {scheme: $scheme, periodEnd: $periodEnd})-[:RATED]->(o:Organization)
WITH CASE $groupBy WHEN 'REGION' THEN o.region ELSE o.industry END AS key, e.grade AS grade
RETURN key, grade, count(*) AS n
