// `subject/get_role_holders`, and for each person on a page the roles that person holds
// elsewhere, as `subject/get_held_roles` would page them: an entity card's two nested levels
// (who is behind the organisation, and what else they are behind) in one round trip. A person
// on several pages is paged once; all the persons' pages come on the first row.
// @param sids LIST<STRING>  organisations
// @param roles LIST<STRING>  role types of the holders to include, or null for all
// @param asOf DATE  optional date the holder's role must cover
// @param skip INTEGER  offset of the page within each organisation's list
// @param limit INTEGER  page size (plus one, to detect a next page)
// @param heldRoles LIST<STRING>  role types of the persons' own roles, or null for all
// @param heldAsOf DATE  optional date the persons' own roles must cover
// @param exclude STRING  an organisation to leave out of the persons' roles, or null
// @param heldSkip INTEGER  offset of the page within each person's roles
// @param heldLimit INTEGER  page size of each person's roles (plus one)
// @param brief BOOLEAN  the persons' pages carry only the role type and the organisation's sid,
//   kind and name (the selection reads nothing else of them: a card's ~100 organisations)
// @returns sid, page, total, held
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
WITH collect({key: key, total: size(items), window: items[$skip..($skip + $limit)]}) AS orgs
CALL (orgs) {
  UNWIND orgs AS org
  UNWIND org.window AS x
  WITH DISTINCT x[1] AS p
  WHERE p.kind = 'NATURAL_PERSON'
  CALL (p) {
    MATCH (p)-[r]->(o:Organization)
    WHERE ($heldRoles IS NULL OR type(r) IN $heldRoles)
      AND ($exclude IS NULL OR o.sid <> $exclude)
      AND ($heldAsOf IS NULL
           OR ((r.from IS NULL OR r.from <= $heldAsOf) AND (r.to IS NULL OR r.to >= $heldAsOf)))
    WITH r, o
    ORDER BY type(r), r.from, o.sid
    RETURN collect([r, o]) AS roles
  }
  RETURN collect({sid: p.sid, total: size(roles),
                  page: [y IN roles[$heldSkip..($heldSkip + $heldLimit)] |
                         CASE WHEN $brief
                           THEN {role: type(y[0]), sid: y[1].sid, kind: y[1].kind,
                                 name: y[1].name}
                           ELSE {role: type(y[0]), from: y[0].from, to: y[0].to,
                                 ratio: y[0].ratio, position: y[0].position, sid: y[1].sid,
                                 kind: y[1].kind, name: y[1].name, uscc: y[1].uscc,
                                 region: y[1].region, industry: y[1].industry,
                                 isSOE: y[1].isSOE, status: y[1].status,
                                 registeredAt: y[1].registeredAt, idMasked: y[1].idMasked}
                         END]}) AS held
}
UNWIND range(0, size(orgs) - 1) AS i
WITH orgs[i] AS org, CASE WHEN i = 0 THEN held ELSE [] END AS held
RETURN org.key AS sid, org.total AS total,
       [x IN org.window | {role: type(x[0]), from: x[0].from, to: x[0].to, ratio: x[0].ratio,
        position: x[0].position, sid: x[1].sid, kind: x[1].kind, name: x[1].name,
        uscc: x[1].uscc, region: x[1].region, industry: x[1].industry, isSOE: x[1].isSOE,
        status: x[1].status, registeredAt: x[1].registeredAt, idMasked: x[1].idMasked}] AS page,
       held
