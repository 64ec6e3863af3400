// Each subject's grade as last stored for a scheme, up to a period end (what a new evaluation is
// compared with, so the watches hear of grades that move).
// @param sids LIST<STRING>  subjects
// @param scheme STRING  the scheme id (HEBEI_ABCD)
// @param periodEnd DATE  the new evaluation's period end
// @returns sid, grade
UNWIND $sids AS key
MATCH (:Subject {sid: key})<-[:RATED]-(e:Evaluation {scheme: $scheme})
WHERE e.periodEnd <= $periodEnd
WITH key, e
ORDER BY e.periodEnd DESC
WITH key, collect(e.grade)[0] AS grade
RETURN key AS sid, grade
