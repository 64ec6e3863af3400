// The global list of list entries (officers' and dashboards' first screen), newest decision
// first, with each entry's subject, filtered like `records/get_list_entries` (the same
// effective status: an in-force entry past its period reads EXPIRED).
// @param statuses LIST<STRING>  effective statuses to include, or null for all
// @param inForce LIST<STRING>  statuses under which an entry counts (lifecycle.yaml)
// @param listTypes LIST<STRING>  list types to include, or null for all
// @param authorities LIST<STRING>  designating authorities' ids to include, or null for all
// @param regions LIST<STRING>  the subject's region codes to include, or null for all
// @param decidedFrom DATE  first decision date to include, or null
// @param decidedTo DATE  last decision date to include, or null
// @param inForceOnly BOOLEAN  only entries in force on `today` (the public view)
// @param today DATE  the date that decides expiry
// @param skip INTEGER  entries to skip
// @param limit INTEGER  page size (plus one)
// @returns entryId, listType, status, decisionNo, decisionDate, reason, legalBasis, validFrom,
//   validUntil, removalConditions, remedies, removalReason, authorityId, authorityName, subject
MATCH (s:Subject)-[:LISTED_AS]->(e:ListEntry)
WHERE ($listTypes IS NULL OR e.listType IN $listTypes)
  AND ($regions IS NULL OR s.region IN $regions)
  AND ($decidedFrom IS NULL OR e.decisionDate >= $decidedFrom)
  AND ($decidedTo IS NULL OR e.decisionDate <= $decidedTo)
  AND (NOT $inForceOnly OR (e.status IN $inForce
                            AND (e.validFrom IS NULL OR e.validFrom <= $today)
                            AND (e.validUntil IS NULL OR e.validUntil >= $today)))
WITH s, e,
     CASE WHEN e.status IN $inForce AND e.validUntil < $today THEN 'EXPIRED'
          ELSE e.status END AS effective
WHERE $statuses IS NULL OR effective IN $statuses
OPTIONAL MATCH (e)-[:ISSUED_BY]->(a:Authority)
WITH s, e, effective, a
WHERE $authorities IS NULL OR a.authorityId IN $authorities
WITH s, e, effective, a
ORDER BY e.decisionDate DESC, e.entryId
SKIP $skip
LIMIT $limit
RETURN e.entryId AS entryId, e.listType AS listType, effective AS status,
       e.decisionNo AS decisionNo, e.decisionDate AS decisionDate, e.reason AS reason,
       e.legalBasis AS legalBasis, e.validFrom AS validFrom, e.validUntil AS validUntil,
       e.removalConditions AS removalConditions, e.remedies AS remedies,
       e.removalReason AS removalReason, a.authorityId AS authorityId, a.name AS authorityName,
       {sid: s.sid, kind: s.kind, name: s.name, uscc: s.uscc, region: s.region,
        industry: s.industry, isSOE: s.isSOE, status: s.status, registeredAt: s.registeredAt,
        idMasked: s.idMasked} AS subject
