// Linked risk (P19), the other way round: for each target organisation, every subject that could
// be its source (shares a current linked-role holder with it, or reaches it by a current chain of
// shareholdings of at least `minShare` or declared control within `maxHops`). Whether a candidate
// really is a source (serious list, grade C/D) is decided in graph/risk/linked.py. Both patterns
// start from the target, found on its unique index, and walk up at most 4 edges: ArcadeDB plans
// from the first node as written, and a chain written from the holder scanned every subject.
// @param targets LIST<STRING>  target organisations
// @param roles LIST<STRING>  linked role types (schemes.yaml linked_risk.shared_roles)
// @param excludedHolderKinds LIST<STRING>  holder kinds that link nobody (schemes.yaml linked_risk.excluded_holder_kinds)
// @param minShare FLOAT  smallest shareholding ratio a chain may use
// @param maxHops INTEGER  longest chain (1..4)
// @param asOf DATE  the day every edge must cover
// @returns target, viaRoles, viaChains
UNWIND $targets AS key
MATCH (t:Organization {uscc: key})
CALL (t) {
  MATCH (t)<-[r2:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF]-(p:Subject)
        -[r1:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF]->(s:Organization)
  WHERE s <> t AND type(r1) IN $roles AND type(r2) IN $roles
    AND NOT coalesce(p.kind, '') IN $excludedHolderKinds
    AND (r1.from IS NULL OR r1.from <= $asOf) AND (r1.to IS NULL OR r1.to >= $asOf)
    AND (r2.from IS NULL OR r2.from <= $asOf) AND (r2.to IS NULL OR r2.to >= $asOf)
  RETURN collect(DISTINCT s.sid) AS viaRoles
}
CALL (t) {
  MATCH p = (t)<-[:SHAREHOLDER_OF|ACTUAL_CONTROLLER_OF*1..4]-(s:Subject)
  WHERE length(p) <= $maxHops AND s <> t
    AND all(r IN relationships(p) WHERE (r.from IS NULL OR r.from <= $asOf)
            AND (r.to IS NULL OR r.to >= $asOf)
            AND (type(r) = 'ACTUAL_CONTROLLER_OF' OR r.ratio >= $minShare))
  RETURN collect(DISTINCT s.sid) AS viaChains
}
RETURN key AS target, viaRoles, viaChains
