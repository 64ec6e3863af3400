// One breadth-first round of the risk-cluster search: the subjects joined to each given subject
// by a current role or ownership edge (either direction) of the given types, with their kind.
// @param sids LIST<STRING>  the round's frontier
// @param roles LIST<STRING>  edge types that join a cluster (schemes.yaml clusters.roles)
// @param asOf DATE  the day every edge must cover
// @returns sid, neighbours
UNWIND $sids AS key
MATCH (s:Subject {sid: key})
      -[r:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF|SHAREHOLDER_OF]-(n:Subject)
WHERE type(r) IN $roles AND (r.from IS NULL OR r.from <= $asOf)
  AND (r.to IS NULL OR r.to >= $asOf)
RETURN key AS sid, collect(DISTINCT {sid: n.sid, kind: n.kind}) AS neighbours
