// Benchmark floor: insert the organisations of one kind not yet present, with their full label
// set and every property inline, defaults as the import sets them (not state-owned, active).
// @template ORG orgLabel the organisation kind's label
// @param rows LIST<MAP>  {sid, uscc, name, kind, region, industry, isSOE, status, registeredAt}
// @returns count
UNWIND $rows AS r
OPTIONAL MATCH (old:Subject {sid: r.sid})
WITH r, old
WHERE old IS NULL
CREATE (:Subject:Organization:ORG {sid: r.sid, uscc: r.uscc, name: r.name, kind: r.kind,
                                   region: r.region, industry: r.industry,
                                   isSOE: coalesce(r.isSOE, false),
                                   status: coalesce(r.status, 'ACTIVE'),
                                   registeredAt: r.registeredAt})
RETURN count(*) AS count
