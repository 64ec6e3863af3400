// Raw floor of relatedParties(maxDepth: 3): every subject within three role hops held on
// `asOf`, its distance and one shortest path, in one hand-written statement.
// @param sid STRING  the starting subject
// @param asOf DATE  the date every followed role must cover
// @param limit INTEGER  page size
// @returns sid, distance, path
MATCH (s:Subject {sid: $sid})
MATCH p = (s)-[:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF|DIRECTOR_OF|SUPERVISOR_OF|SENIOR_MANAGER_OF|SHAREHOLDER_OF|BRANCH_OF|EMPLOYED_BY*1..3]-(x:Subject)
WHERE x <> s
  AND all(r IN relationships(p) WHERE (r.from IS NULL OR r.from <= $asOf)
                                  AND (r.to IS NULL OR r.to >= $asOf))
WITH x, p ORDER BY length(p)
WITH x, collect(p)[0] AS best
RETURN x.sid AS sid, length(best) AS distance, [n IN nodes(best) | n.sid] AS path
ORDER BY distance, sid
LIMIT $limit
