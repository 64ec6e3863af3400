// Subjects to watch in the alert benchmark: enterprises and persons, in id order.
// @param skip INTEGER  rows to skip
// @param limit INTEGER  how many
// @returns sid
MATCH (s:Subject)
WHERE s:Enterprise OR s:Person
RETURN s.sid AS sid
ORDER BY sid
SKIP $skip LIMIT $limit
