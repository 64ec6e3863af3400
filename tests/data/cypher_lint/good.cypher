// Scoped subquery, every parameter declared and used; labels unknown to any schema.
// @param uscc STRING  the enterprise's USCC
// @param asOf DATE  optional date
// @param limit INTEGER  page size
// @returns name, reps
MATCH (e:NoSuchLabelAnywhere {uscc: $uscc})
CALL (e) {
  MATCH (p:Person)-[r:NO_SUCH_TYPE]->(e)
  WHERE $asOf IS NULL OR r.since <= $asOf
  RETURN collect(p.name) AS reps
}
RETURN e.name AS name, reps
LIMIT $limit
