// Give a subject a role in an organisation from a date. A role is keyed by (holder,
// organisation, type, from): the same appointment assigned twice stays one edge.
// @template ROLE relationship a role relationship type from the model
// @param holder STRING  the holder's public id (person id or USCC)
// @param uscc STRING  the organisation
// @param from DATE  first day of the role
// @param to DATE  last day of the role, or null while current
// @param ratio FLOAT  shareholding ratio (0..1) for SHAREHOLDER_OF, else null
// @returns created
MATCH (o:Organization {uscc: $uscc})
MATCH (h:Subject {sid: $holder})
OPTIONAL MATCH (h)-[old:ROLE]->(o) WHERE old.from = $from
WITH h, o, old IS NULL AS created
MERGE (h)-[r:ROLE {from: $from}]->(o)
SET r.to = $to, r.ratio = $ratio
RETURN created
