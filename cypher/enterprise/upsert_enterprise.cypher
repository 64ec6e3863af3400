// Create or update one enterprise by USCC; `created` tells which happened.
// @param uscc STRING  the USCC (already validated)
// @param name STRING  registered name
// @param region STRING  district / region code
// @param industry STRING  industry code
// @param isSOE BOOLEAN  state-owned enterprise flag
// @returns uscc, name, created
OPTIONAL MATCH (existing:Subject {sid: $uscc})
WITH existing IS NULL AS created
MERGE (o:Subject:Organization:Enterprise {sid: $uscc})
SET o.uscc = $uscc, o.name = $name, o.kind = coalesce(o.kind, 'ENTERPRISE'),
    o.region = coalesce($region, o.region), o.industry = coalesce($industry, o.industry),
    o.isSOE = coalesce($isSOE, o.isSOE, false), o.status = coalesce(o.status, 'ACTIVE')
RETURN o.uscc AS uscc, o.name AS name, created
