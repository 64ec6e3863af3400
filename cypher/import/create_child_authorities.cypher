// Create the authorities in a batch that do not exist yet, under their parent authority, which
// must exist (a row whose parent is unknown is skipped and retried later in the run).
// @param rows LIST<MAP>  {i: row number, k: authorityId, parent: parent's authorityId, p: properties}
// @returns created
UNWIND $rows AS r
MATCH (parent:Authority {authorityId: r.parent})
OPTIONAL MATCH (e:Authority {authorityId: r.k})
WITH r, parent, e
WHERE e IS NULL
CREATE (a:Authority {authorityId: r.k})-[:PARENT_AUTHORITY]->(parent)
SET a += r.p
RETURN collect(r.i) AS created
