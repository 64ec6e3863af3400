// The measure catalogue, optionally only published (or only unpublished) measures, by code.
// @param published BOOLEAN  filter on publication, or null for all
// @returns code, name, measureKind, category, listSource, legalBasis, defaultDurationDays, published
MATCH (m:Measure)
WHERE $published IS NULL OR coalesce(m.published, false) = $published
RETURN m.code AS code, m.name AS name, m.measureKind AS measureKind, m.category AS category,
       m.listSource AS listSource, m.legalBasis AS legalBasis,
       m.defaultDurationDays AS defaultDurationDays, coalesce(m.published, false) AS published
ORDER BY code
