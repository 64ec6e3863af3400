// Create or update a batch of authorities without a parent, keyed by authorityId.
// @param rows LIST<MAP>  {i: row number in the batch, k: authorityId, p: properties to set, no nulls}
// @returns done, created
UNWIND $rows AS r
OPTIONAL MATCH (e:Authority {authorityId: r.k})
FOREACH (_ IN CASE WHEN e IS NULL THEN [1] ELSE [] END |
  CREATE (a:Authority {authorityId: r.k})
  SET a += r.p
)
SET e += r.p
RETURN collect(r.i) AS done, sum(CASE WHEN e IS NULL THEN 1 ELSE 0 END) AS created
