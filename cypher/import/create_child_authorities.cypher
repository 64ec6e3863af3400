// Create the authorities in a batch that do not exist yet, under their parent authority, which
// must exist (a row whose parent is unknown is skipped and retried later in the run).
// Properties go inline in the CREATE (a missing one is null, so not stored): ArcadeDB pays far
// more for a SET after a CREATE (bench/floor.py).
// @param rows LIST<MAP>  {i: row number, k: authorityId, parent: parent's authorityId, p: properties}
// @returns created
UNWIND $rows AS r
MATCH (parent:Authority {authorityId: r.parent})
OPTIONAL MATCH (e:Authority {authorityId: r.k})
WITH r, parent, e
WHERE e IS NULL
CREATE (a:Authority {authorityId: r.k, name: r.p.name, level: r.p.level, domain: r.p.domain,
                     region: r.p.region, participatesIn: r.p.participatesIn})-[:PARENT_AUTHORITY]->(parent)
RETURN collect(r.i) AS created
