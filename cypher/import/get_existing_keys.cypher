// Which of the given subject ids and authority ids exist: tells a rejected row's missing end.
// @param sids LIST<STRING>  subject ids (USCCs and person ids)
// @param authorityIds LIST<STRING>  authority ids
// @returns sids, authorityIds
CALL () {
  UNWIND $sids AS k
  MATCH (s:Subject {sid: k})
  RETURN collect(s.sid) AS sids
}
CALL () {
  UNWIND $authorityIds AS k
  MATCH (a:Authority {authorityId: k})
  RETURN collect(a.authorityId) AS authorityIds
}
RETURN sids, authorityIds
