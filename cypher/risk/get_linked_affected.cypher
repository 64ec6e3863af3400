// Linked risk (P19): the organisations whose indicators may change when the given subjects change
// (a listing, a repair, a grade, a role): targets of indicators they are the source of, the
// subjects themselves, organisations they hold a linked role in or share a linked-role holder
// with, and organisations they hold or control within 4 hops. A superset: dates are not checked.
// @param sids LIST<STRING>  subjects that changed
// @param indicatorType STRING  LINKED_RISK
// @param excludedHolderKinds LIST<STRING>  holder kinds that link nobody (schemes.yaml linked_risk.excluded_holder_kinds)
// @returns sid, indicated, self, held, shared, chained
UNWIND $sids AS key
MATCH (g:Subject {sid: key})
CALL (g) {
  MATCH (g)<-[:LINKED_TO]-(i:RiskIndicator {indicatorType: $indicatorType})-[:INDICATES]->(t)
  RETURN collect(DISTINCT t.sid) AS indicated
}
CALL (g) {
  MATCH (g)-[:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF]->(t:Organization)
  RETURN collect(DISTINCT t.sid) AS held
}
CALL (g) {
  MATCH (g)<-[:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF]-(p:Subject)
        -[:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF]->(t:Organization)
  WHERE NOT coalesce(p.kind, '') IN $excludedHolderKinds
  RETURN collect(DISTINCT t.sid) AS shared
}
CALL (g) {
  MATCH (g)-[:SHAREHOLDER_OF|ACTUAL_CONTROLLER_OF*1..4]->(t:Organization)
  RETURN collect(DISTINCT t.sid) AS chained
}
RETURN key AS sid, indicated, CASE WHEN g:Organization THEN [key] ELSE [] END AS self, held,
       shared, chained
