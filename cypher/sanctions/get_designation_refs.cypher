// What a designation refers to, checked before anything is written: which subjects (listed
// subjects and debt-responsible persons) and authorities exist, and which entry ids are taken.
// @param sids LIST<STRING>  subject ids named by the decisions
// @param authorityIds LIST<STRING>  designating authorities
// @param entryIds LIST<STRING>  the new entries' ids
// @returns subjects, authorities, existing
CALL () {
  UNWIND $sids AS sid
  MATCH (s:Subject {sid: sid})
  RETURN collect({sid: s.sid, kind: s.kind, name: s.name, isSOE: s.isSOE}) AS subjects
}
CALL () {
  UNWIND $authorityIds AS aid
  MATCH (a:Authority {authorityId: aid})
  RETURN collect(a.authorityId) AS authorities
}
CALL () {
  UNWIND $entryIds AS eid
  MATCH (e:ListEntry {entryId: eid})
  RETURN collect(e.entryId) AS existing
}
RETURN subjects, authorities, existing
