// Who holds roles in each organisation: one page of role edges per organisation, with the total.
// A role counts on `asOf` when it started on or before that date and had not ended before it;
// with no `asOf` every role, current or past, is listed. `roles` null means every role type.
// The sorted list keeps only references; properties are read for the page alone (a holder with
// hundreds of roles costs one sort, not hundreds of maps).
// @param sids LIST<STRING>  organisations
// @param roles LIST<STRING>  role types to include, or null for all
// @param asOf DATE  optional date the role must cover
// @param skip INTEGER  offset of the page within each organisation's list
// @param limit INTEGER  page size (plus one, to detect a next page)
// @returns sid, page, total
UNWIND $sids AS key
MATCH (o:Subject {sid: key})
CALL (o) {
  MATCH (o)<-[r]-(h:Subject)
  WHERE ($roles IS NULL OR type(r) IN $roles)
    AND ($asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)))
  WITH r, h
  ORDER BY type(r), r.from, h.sid
  RETURN collect([r, h]) AS items
}
WITH key, items
WHERE size(items) > 0
RETURN key AS sid, size(items) AS total,
       [x IN items[$skip..($skip + $limit)] | {role: type(x[0]), from: x[0].from, to: x[0].to,
        ratio: x[0].ratio, position: x[0].position, sid: x[1].sid, kind: x[1].kind,
        name: x[1].name, uscc: x[1].uscc, region: x[1].region, industry: x[1].industry,
        isSOE: x[1].isSOE, status: x[1].status, registeredAt: x[1].registeredAt,
        idMasked: x[1].idMasked}] AS page
