// List entries of each subject, newest decision first, one page per subject with the total.
// An entry in force (ACTIVE or under objection, graph/rules/in_force.py) whose period ended
// before `today` is reported as EXPIRED (the expiry job and the read path agree even before the
// job has run).
// @param sids LIST<STRING>  subjects
// @param statuses LIST<STRING>  effective statuses to include, or null for all
// @param inForce LIST<STRING>  statuses under which an entry counts (lifecycle.yaml)
// @param listTypes LIST<STRING>  list types to include, or null for all
// @param authorities LIST<STRING>  designating authorities' ids to include, or null for all
// @param regions LIST<STRING>  the subject's region codes to include, or null for all
// @param decidedFrom DATE  first decision date to include, or null
// @param decidedTo DATE  last decision date to include, or null
// @param inForceOnly BOOLEAN  only entries in force on `today` (begun, status in `inForce`,
//   period not over): the public view (graph/visibility.py)
// @param today DATE  the date that decides expiry
// @param skip INTEGER  offset within each subject's list
// @param limit INTEGER  page size (plus one)
// @returns sid, page, total
UNWIND $sids AS key
MATCH (s:Subject {sid: key})-[:LISTED_AS]->(e:ListEntry)
WHERE ($regions IS NULL OR s.region IN $regions)
  AND ($decidedFrom IS NULL OR e.decisionDate >= $decidedFrom)
  AND ($decidedTo IS NULL OR e.decisionDate <= $decidedTo)
WITH key, e,
     CASE WHEN e.status IN $inForce AND e.validUntil < $today THEN 'EXPIRED'
          ELSE e.status END AS effective
WHERE ($statuses IS NULL OR effective IN $statuses)
  AND ($listTypes IS NULL OR e.listType IN $listTypes)
  AND (NOT $inForceOnly OR (e.status IN $inForce
                            AND (e.validFrom IS NULL OR e.validFrom <= $today)
                            AND (e.validUntil IS NULL OR e.validUntil >= $today)))
OPTIONAL MATCH (e)-[:ISSUED_BY]->(a:Authority)
WITH key, e, effective, a
WHERE $authorities IS NULL OR a.authorityId IN $authorities
WITH key, e, effective, a
ORDER BY key, e.decisionDate DESC, e.entryId
WITH key, collect({entryId: e.entryId, listType: e.listType, status: effective,
                   decisionNo: e.decisionNo, decisionDate: e.decisionDate, reason: e.reason,
                   legalBasis: e.legalBasis, validFrom: e.validFrom, validUntil: e.validUntil,
                   removalConditions: e.removalConditions, remedies: e.remedies,
                   removalReason: e.removalReason, authorityId: a.authorityId,
                   authorityName: a.name}) AS items
RETURN key AS sid, items[$skip..($skip + $limit)] AS page, size(items) AS total
