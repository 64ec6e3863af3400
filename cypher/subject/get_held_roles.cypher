// The roles each subject holds in organisations: one page per holder, with the total.
// `exclude` leaves one organisation out (e.g. "the person's other roles" on an entity card).
// The sorted list keeps only references; properties are read for the page alone (an accountant
// keeping the books of hundreds of companies costs one sort, not hundreds of maps).
// @param sids LIST<STRING>  role holders (persons or organisations)
// @param roles LIST<STRING>  role types to include, or null for all
// @param asOf DATE  optional date the role must cover
// @param exclude STRING  an organisation to leave out, or null
// @param skip INTEGER  offset of the page within each holder's list
// @param limit INTEGER  page size (plus one, to detect a next page)
// @returns sid, page, total
UNWIND $sids AS key
MATCH (h:Subject {sid: key})
CALL (h) {
  MATCH (h)-[r]->(o:Organization)
  WHERE ($roles IS NULL OR type(r) IN $roles)
    AND ($exclude IS NULL OR o.sid <> $exclude)
    AND ($asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)))
  WITH r, o
  ORDER BY type(r), r.from, o.sid
  RETURN collect([r, o]) AS items
}
WITH key, items
WHERE size(items) > 0
RETURN key AS sid, size(items) AS total,
       [x IN items[$skip..($skip + $limit)] | {role: type(x[0]), from: x[0].from, to: x[0].to,
        ratio: x[0].ratio, position: x[0].position, sid: x[1].sid, kind: x[1].kind,
        name: x[1].name, uscc: x[1].uscc, region: x[1].region, industry: x[1].industry,
        isSOE: x[1].isSOE, status: x[1].status, registeredAt: x[1].registeredAt,
        idMasked: x[1].idMasked}] AS page
