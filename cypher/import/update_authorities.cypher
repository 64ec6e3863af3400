// Set the non-null properties of existing authorities (a row without parentId keeps the parent).
// @param rows LIST<MAP>  {i: row number in the batch, k: authorityId, p: properties to set, no nulls}
// @returns updated
UNWIND $rows AS r
MATCH (a:Authority {authorityId: r.k})
SET a += r.p
RETURN collect(r.i) AS updated
