// The roles each subject holds in organisations: one page per holder, with the total.
// `exclude` leaves one organisation out (e.g. "the person's other roles" on an entity card).
// @param sids LIST<STRING>  role holders (persons or organisations)
// @param roles LIST<STRING>  role types to include, or null for all
// @param asOf DATE  optional date the role must cover
// @param exclude STRING  an organisation to leave out, or null
// @param skip INTEGER  offset of the page within each holder's list
// @param limit INTEGER  page size (plus one, to detect a next page)
// @returns sid, page, total
UNWIND $sids AS key
MATCH (h:Subject {sid: key})-[r]->(o:Organization)
WHERE ($roles IS NULL OR type(r) IN $roles)
  AND ($exclude IS NULL OR o.sid <> $exclude)
  AND ($asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)))
WITH key, type(r) AS role, r, o
ORDER BY key, role, r.from, o.sid
WITH key, collect({role: role, from: r.from, to: r.to, ratio: r.ratio, position: r.position,
                   sid: o.sid, kind: o.kind, name: o.name, uscc: o.uscc, region: o.region,
                   industry: o.industry, isSOE: o.isSOE, status: o.status,
                   registeredAt: o.registeredAt, idMasked: o.idMasked}) AS items
RETURN key AS sid, items[$skip..($skip + $limit)] AS page, size(items) AS total
