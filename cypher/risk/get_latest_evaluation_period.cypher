// The most recent period end stored for a scheme (null when none was run).
// @param scheme STRING  the scheme id (HEBEI_ABCD)
// @returns periodEnd
MATCH (e:Evaluation {scheme: $scheme})
RETURN max(e.periodEnd) AS periodEnd
