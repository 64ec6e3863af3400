// Create or update a batch of measures (the published measure catalogue), keyed by code. A new
// measure is unpublished unless the row says otherwise (P21: unpublished measures are not applied).
// @param rows LIST<MAP>  {i: row number in the batch, k: measure code, p: properties to set, no nulls}
// @returns done, created
UNWIND $rows AS r
OPTIONAL MATCH (e:Measure {code: r.k})
FOREACH (_ IN CASE WHEN e IS NULL THEN [1] ELSE [] END |
  CREATE (m:Measure {code: r.k, published: false})
  SET m += r.p
)
SET e += r.p
RETURN collect(r.i) AS done, sum(CASE WHEN e IS NULL THEN 1 ELSE 0 END) AS created
