// Set the non-null properties of existing measures by code.
// @param rows LIST<MAP>  {i: row number in the batch, k: measure code, p: properties to set, no nulls}
// @returns updated
UNWIND $rows AS r
MATCH (m:Measure {code: r.k})
SET m += r.p
RETURN collect(r.i) AS updated
