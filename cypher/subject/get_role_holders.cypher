// Who holds roles in each organisation: one page of role edges per organisation, with the total.
// A role counts on `asOf` when it started on or before that date and had not ended before it;
// with no `asOf` every role, current or past, is listed. `roles` null means every role type.
// @param sids LIST<STRING>  organisations
// @param roles LIST<STRING>  role types to include, or null for all
// @param asOf DATE  optional date the role must cover
// @param skip INTEGER  offset of the page within each organisation's list
// @param limit INTEGER  page size (plus one, to detect a next page)
// @returns sid, page, total
UNWIND $sids AS key
MATCH (o:Subject {sid: key})<-[r]-(h:Subject)
WHERE ($roles IS NULL OR type(r) IN $roles)
  AND ($asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)))
WITH key, type(r) AS role, r, h
ORDER BY key, role, r.from, h.sid
WITH key, collect({role: role, from: r.from, to: r.to, ratio: r.ratio, position: r.position,
                   sid: h.sid, kind: h.kind, name: h.name, uscc: h.uscc, region: h.region,
                   industry: h.industry, isSOE: h.isSOE, status: h.status,
                   registeredAt: h.registeredAt, idMasked: h.idMasked}) AS items
RETURN key AS sid, items[$skip..($skip + $limit)] AS page, size(items) AS total
