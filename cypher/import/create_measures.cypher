// Create the measures in a batch that do not exist yet, keyed by code. A new measure is
// unpublished unless the row says otherwise (P21: unpublished measures are never applied).
// Properties go inline in the CREATE (a missing one is null, so not stored): ArcadeDB pays far
// more for a SET after a CREATE (bench/floor.py).
// @param rows LIST<MAP>  {i: row number in the batch, k: measure code, p: properties to set, no nulls}
// @returns created
UNWIND $rows AS r
OPTIONAL MATCH (e:Measure {code: r.k})
WITH r, e
WHERE e IS NULL
CREATE (m:Measure {code: r.k, name: r.p.name, measureKind: r.p.measureKind,
                   category: r.p.category, listSource: r.p.listSource,
                   legalBasis: r.p.legalBasis, defaultDurationDays: r.p.defaultDurationDays,
                   published: coalesce(r.p.published, false)})
RETURN collect(r.i) AS created
