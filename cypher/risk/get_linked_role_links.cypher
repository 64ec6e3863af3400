// Linked risk (P19), shared-role links from source organisations: every other organisation in
// which a holder of a linked role (legal representative, principal, actual controller) of the
// source holds a linked role too, both roles current on the day. `roles` narrows the three.
// @param sources LIST<STRING>  source organisations (on a serious list, or graded C/D)
// @param roles LIST<STRING>  linked role types (schemes.yaml linked_risk.shared_roles)
// @param excludedHolderKinds LIST<STRING>  holder kinds that link nobody (schemes.yaml linked_risk.excluded_holder_kinds)
// @param asOf DATE  the day both roles must cover
// @returns source, sourceName, sourceKind, target, via, viaName, viaKind, sourceRole, sourceRoleFrom, targetRole, targetRoleFrom, targetName, targetKind
UNWIND $sources AS key
MATCH (s:Organization {uscc: key})
      <-[r1:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF]-(p:Subject)
      -[r2:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF]->(t:Organization)
WHERE t <> s AND type(r1) IN $roles AND type(r2) IN $roles
  AND NOT coalesce(p.kind, '') IN $excludedHolderKinds
  AND (r1.from IS NULL OR r1.from <= $asOf) AND (r1.to IS NULL OR r1.to >= $asOf)
  AND (r2.from IS NULL OR r2.from <= $asOf) AND (r2.to IS NULL OR r2.to >= $asOf)
RETURN key AS source, s.name AS sourceName, s.kind AS sourceKind, t.sid AS target,
       p.sid AS via, p.name AS viaName, p.kind AS viaKind,
       type(r1) AS sourceRole, r1.from AS sourceRoleFrom, type(r2) AS targetRole,
       r2.from AS targetRoleFrom, t.name AS targetName, t.kind AS targetKind
