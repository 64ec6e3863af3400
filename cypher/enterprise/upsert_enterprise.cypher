// Create or update one enterprise by USCC; `created` tells which happened. The key is looked up
// on the unique Subject.sid index and a new node is created with its full label set (a MERGE on
// several labels is not index-backed on ArcadeDB, ADR 0002). A USCC stored under another
// organisation kind returns no row: a kind never changes. Returns the stored enterprise (as
// `enterprise/get_enterprises` reads it), so the caller need not read it again.
// @param uscc STRING  the USCC (already validated)
// @param name STRING  registered name
// @param region STRING  district / region code
// @param industry STRING  industry code
// @param isSOE BOOLEAN  state-owned enterprise flag
// @returns uscc, name, kind, region, industry, isSOE, status, registeredAt, created
OPTIONAL MATCH (existing:Subject {sid: $uscc})
WITH existing
WHERE existing IS NULL OR existing:Enterprise
FOREACH (_ IN CASE WHEN existing IS NULL THEN [1] ELSE [] END |
  CREATE (:Subject:Organization:Enterprise {sid: $uscc, kind: 'ENTERPRISE', status: 'ACTIVE',
          isSOE: false}))
WITH existing IS NULL AS created
MATCH (o:Subject {sid: $uscc})
SET o.uscc = $uscc, o.name = $name, o.kind = coalesce(o.kind, 'ENTERPRISE'),
    o.region = coalesce($region, o.region), o.industry = coalesce($industry, o.industry),
    o.isSOE = coalesce($isSOE, o.isSOE, false), o.status = coalesce(o.status, 'ACTIVE')
RETURN o.uscc AS uscc, o.name AS name, o.kind AS kind, o.region AS region,
       o.industry AS industry, o.isSOE AS isSOE, o.status AS status,
       o.registeredAt AS registeredAt, created
