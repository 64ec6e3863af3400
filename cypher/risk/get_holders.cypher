// Direct holders of each organisation on a date: shareholdings (with their ratio) and declared
// actual controllers. One round of the bounded upstream pull in graph/risk/ownership.py, which
// walks at most `ownership.max_depth` rounds instead of enumerating paths.
// @param sids LIST<STRING>  organisations whose holders are wanted
// @param asOf DATE  the day the holding must cover
// @returns held, holder, name, kind, idMasked, role, ratio, from
UNWIND $sids AS key
MATCH (o:Organization {uscc: key})<-[r:SHAREHOLDER_OF|ACTUAL_CONTROLLER_OF]-(h:Subject)
WHERE (r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf)
RETURN key AS held, h.sid AS holder, h.name AS name, h.kind AS kind, h.idMasked AS idMasked,
       type(r) AS role, r.ratio AS ratio, r.from AS from
