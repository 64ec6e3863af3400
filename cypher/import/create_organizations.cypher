// Create the organisations of one kind in a batch that do not exist yet (by USCC = subject id).
// New nodes get their full label set at once (ArcadeDB cannot relabel a node created in the same
// transaction, and a MERGE on several labels is not index-backed there): one index look-up and one
// CREATE per new row. Rows whose subject id exists are skipped (update_organizations sets them).
// Properties go inline in the CREATE (a missing one is null, so not stored): ArcadeDB pays far
// more for a SET after a CREATE (bench/floor.py).
// @template ORG_LABEL orgLabel  the label of the organisation kind (from the model)
// @param rows LIST<MAP>  {i: row number in the batch, k: USCC, p: properties to set, no nulls}
// @returns created
UNWIND $rows AS r
OPTIONAL MATCH (e:Subject {sid: r.k})
WITH r, e
WHERE e IS NULL
CREATE (o:Subject:Organization:ORG_LABEL {sid: r.k, uscc: r.p.uscc, name: r.p.name,
                                           kind: r.p.kind, region: r.p.region,
                                           industry: r.p.industry,
                                           isSOE: coalesce(r.p.isSOE, false),
                                           status: coalesce(r.p.status, 'ACTIVE'),
                                           registeredAt: r.p.registeredAt})
RETURN collect(r.i) AS created
