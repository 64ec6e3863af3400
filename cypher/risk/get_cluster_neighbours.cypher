// One breadth-first round of the risk-cluster search: the subjects joined to each given subject
// by a current role or ownership edge (either direction) of the given types, with their kind.
// @param sids LIST<STRING>  the round's frontier
// @param roles LIST<STRING>  edge types that join a cluster (schemes.yaml clusters.roles)
// @param minShare FLOAT  smallest shareholding ratio that joins two subjects
// @param excludedKinds LIST<STRING>  kinds of subject that join nobody (hubs such as GOV_ORGAN)
// @param asOf DATE  the day every edge must cover
// @returns sid, neighbours
UNWIND $sids AS key
MATCH (s:Subject {sid: key})
      -[r:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF|SHAREHOLDER_OF]-(n:Subject)
WHERE type(r) IN $roles AND (r.from IS NULL OR r.from <= $asOf)
  AND (r.to IS NULL OR r.to >= $asOf)
  AND (type(r) <> 'SHAREHOLDER_OF' OR r.ratio >= $minShare)
  AND NOT coalesce(n.kind, '') IN $excludedKinds AND NOT coalesce(s.kind, '') IN $excludedKinds
RETURN key AS sid, collect(DISTINCT {sid: n.sid, kind: n.kind}) AS neighbours
