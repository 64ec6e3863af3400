// Create the authorities without a parent in a batch that do not exist yet, keyed by authorityId.
// @param rows LIST<MAP>  {i: row number in the batch, k: authorityId, p: properties to set, no nulls}
// @returns created
UNWIND $rows AS r
OPTIONAL MATCH (e:Authority {authorityId: r.k})
WITH r, e
WHERE e IS NULL
CREATE (a:Authority {authorityId: r.k})
SET a += r.p
RETURN collect(r.i) AS created
