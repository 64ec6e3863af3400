// What applying a measure refers to, checked before writing: the catalogue measure, the entry
// (its list, status, period and listed subject), whether the target is the listed subject or
// holds a flag in force derived from the entry, and whether the authority exists.
// @param code STRING  measure code
// @param entryId STRING  the entry the measure is applied because of
// @param sid STRING  the subject the measure is applied against
// @param authorityId STRING  the applying department
// @returns measure, entry, flagged, authority
OPTIONAL MATCH (m:Measure {code: $code})
OPTIONAL MATCH (e:ListEntry {entryId: $entryId})<-[:LISTED_AS]-(s:Subject)
OPTIONAL MATCH (a:Authority {authorityId: $authorityId})
CALL (e) {
  OPTIONAL MATCH (e)<-[:DERIVED_FROM]-(f:Flag)-[:FLAGGED]->(t:Subject {sid: $sid})
  WHERE f.status = 'ACTIVE'
  RETURN count(f) > 0 AS flagged
}
RETURN CASE WHEN m IS NULL THEN null
            ELSE {code: m.code, name: m.name, measureKind: m.measureKind,
                  published: coalesce(m.published, false),
                  defaultDurationDays: m.defaultDurationDays} END AS measure,
       CASE WHEN e IS NULL THEN null
            ELSE {entryId: e.entryId, listType: e.listType, status: e.status,
                  validFrom: e.validFrom, validUntil: e.validUntil,
                  sid: s.sid} END AS entry,
       flagged, a.authorityId AS authority
