// Legal representatives of each organisation, with the role's dates (a batch for the loader).
// A role counts on `asOf` when it started on or before that date and had not ended before it;
// with no `asOf`, every role, current or past, is returned.
// @param usccs LIST<STRING>  organisations
// @param asOf DATE  optional date the role must cover
// @returns uscc, pid, name, idMasked, from, to
UNWIND $usccs AS key
MATCH (o:Organization {uscc: key})<-[r:LEGAL_REPRESENTATIVE_OF]-(p:Person)
WHERE $asOf IS NULL OR ((r.from IS NULL OR r.from <= $asOf) AND (r.to IS NULL OR r.to >= $asOf))
RETURN key AS uscc, p.sid AS pid, p.name AS name, p.idMasked AS idMasked,
       r.from AS from, r.to AS to
ORDER BY uscc, from
