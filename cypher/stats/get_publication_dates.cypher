// Decision and publication dates of double-publicity records (licences, penalties) per
// authority, aggregated by date pair, so timeliness in working days is computed by the caller.
// @param types LIST<STRING>  the double-publicity record types
// @param from DATE  first decision date counted
// @param to DATE  last decision date counted
// @returns authorityId, authorityName, decisionDate, publishedAt, count
MATCH (c:CreditRecord)-[:ISSUED_BY]->(a:Authority)
WHERE c.recordType IN $types AND c.decisionDate >= $from AND c.decisionDate <= $to
RETURN a.authorityId AS authorityId, a.name AS authorityName, c.decisionDate AS decisionDate,
       c.publishedAt AS publishedAt, count(*) AS count
