// Number of subjects per kind, region or industry (for dashboards).
// @param by STRING  'kind', 'region' or 'industry'
// @returns key, count
MATCH (s:Subject)
WITH CASE $by WHEN 'kind' THEN s.kind WHEN 'region' THEN s.region ELSE s.industry END AS key
RETURN key, count(*) AS count
ORDER BY count DESC, key
