// What one designation left in the graph (the crash-atomicity test reads it after a kill -9):
// its list entries and their subject links, the flags and person records derived from them, the
// audit events of its actor, and flags anywhere that lost their source or target (orphans, the
// trace a torn transaction would leave).
// @param entryIds LIST<STRING>  the designation's entry ids
// @param actor STRING  the principal who designated (its audit events are counted)
// @returns entries, listed, flags, records, events, orphanFlags
CALL () {
  UNWIND $entryIds AS eid
  MATCH (e:ListEntry {entryId: eid})
  OPTIONAL MATCH (e)<-[:LISTED_AS]-(s:Subject)
  RETURN count(DISTINCT e) AS entries, count(s) AS listed
}
CALL () {
  UNWIND $entryIds AS eid
  MATCH (e:ListEntry {entryId: eid})<-[:DERIVED_FROM]-(f:Flag)
  RETURN count(f) AS flags
}
CALL () {
  UNWIND $entryIds AS eid
  MATCH (e:ListEntry {entryId: eid})<-[:DERIVED_FROM]-(r:CreditRecord)
  RETURN count(r) AS records
}
CALL () {
  MATCH (a:AuditEvent {actor: $actor})
  RETURN count(a) AS events
}
CALL () {
  MATCH (f:Flag)
  WHERE NOT (f)-[:DERIVED_FROM]->() OR NOT (f)-[:FLAGGED]->(:Subject)
  RETURN count(f) AS orphanFlags
}
RETURN entries, listed, flags, records, events, orphanFlags
