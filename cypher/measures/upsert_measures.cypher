// Create or update catalogue measures by code (idempotent; the import format's `measure` shape).
// @param measures LIST<MAP>  {code, name, measureKind, category, listSource, legalBasis, defaultDurationDays, published}
// @returns code, created
UNWIND $measures AS m
OPTIONAL MATCH (old:Measure {code: m.code})
WITH m, old IS NULL AS created
MERGE (x:Measure {code: m.code})
SET x.name = m.name, x.measureKind = m.measureKind, x.category = m.category,
    x.listSource = m.listSource, x.legalBasis = m.legalBasis,
    x.defaultDurationDays = m.defaultDurationDays, x.published = m.published
RETURN m.code AS code, created
