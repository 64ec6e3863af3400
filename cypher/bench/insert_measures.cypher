// Benchmark floor: insert the measures not yet present (key lookup, inline properties; a new
// measure is unpublished unless the row says otherwise, as the import has it).
// @param rows LIST<MAP>  {code, name, measureKind, category, listSource, legalBasis, defaultDurationDays, published}
// @returns count
UNWIND $rows AS r
OPTIONAL MATCH (old:Measure {code: r.code})
WITH r, old
WHERE old IS NULL
CREATE (:Measure {code: r.code, name: r.name, measureKind: r.measureKind, category: r.category,
                  listSource: r.listSource, legalBasis: r.legalBasis,
                  defaultDurationDays: r.defaultDurationDays,
                  published: coalesce(r.published, false)})
RETURN count(*) AS count
