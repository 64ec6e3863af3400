// How many entries the global list (`records/search_list_entries`) holds for these filters.
// @param statuses LIST<STRING>  effective statuses to include, or null for all
// @param inForce LIST<STRING>  statuses under which an entry counts (lifecycle.yaml)
// @param listTypes LIST<STRING>  list types to include, or null for all
// @param authorities LIST<STRING>  designating authorities' ids to include, or null for all
// @param regions LIST<STRING>  the subject's region codes to include, or null for all
// @param decidedFrom DATE  first decision date to include, or null
// @param decidedTo DATE  last decision date to include, or null
// @param inForceOnly BOOLEAN  only entries in force on `today` (the public view)
// @param today DATE  the date that decides expiry
// @returns total
MATCH (s:Subject)-[:LISTED_AS]->(e:ListEntry)
WHERE ($listTypes IS NULL OR e.listType IN $listTypes)
  AND ($regions IS NULL OR s.region IN $regions)
  AND ($decidedFrom IS NULL OR e.decisionDate >= $decidedFrom)
  AND ($decidedTo IS NULL OR e.decisionDate <= $decidedTo)
  AND (NOT $inForceOnly OR (e.status IN $inForce
                            AND (e.validFrom IS NULL OR e.validFrom <= $today)
                            AND (e.validUntil IS NULL OR e.validUntil >= $today)))
WITH e,
     CASE WHEN e.status IN $inForce AND e.validUntil < $today THEN 'EXPIRED'
          ELSE e.status END AS effective
WHERE $statuses IS NULL OR effective IN $statuses
OPTIONAL MATCH (e)-[:ISSUED_BY]->(a:Authority)
WITH e, a
WHERE $authorities IS NULL OR a.authorityId IN $authorities
RETURN count(e) AS total
