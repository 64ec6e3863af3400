// Create the measures in a batch that do not exist yet, keyed by code. A new measure is
// unpublished unless the row says otherwise (P21: unpublished measures are never applied).
// @param rows LIST<MAP>  {i: row number in the batch, k: measure code, p: properties to set, no nulls}
// @returns created
UNWIND $rows AS r
OPTIONAL MATCH (e:Measure {code: r.k})
WITH r, e
WHERE e IS NULL
CREATE (m:Measure {code: r.k, published: false})
SET m += r.p
RETURN collect(r.i) AS created
