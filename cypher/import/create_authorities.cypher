// Create the authorities without a parent in a batch that do not exist yet, keyed by authorityId.
// Properties go inline in the CREATE (a missing one is null, so not stored): ArcadeDB pays far
// more for a SET after a CREATE (bench/floor.py).
// @param rows LIST<MAP>  {i: row number in the batch, k: authorityId, p: properties to set, no nulls}
// @returns created
UNWIND $rows AS r
OPTIONAL MATCH (e:Authority {authorityId: r.k})
WITH r, e
WHERE e IS NULL
CREATE (a:Authority {authorityId: r.k, name: r.p.name, level: r.p.level, domain: r.p.domain,
                     region: r.p.region, participatesIn: r.p.participatesIn})
RETURN collect(r.i) AS created
