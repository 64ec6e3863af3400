// Flags still ACTIVE whose own validity ended before `asOf` (e.g. P7 flags at the end of the
// commitment record's disclosure period), at most `limit`.
// @param asOf DATE  the day that decides expiry
// @param limit INTEGER  batch size
// @returns flagId
MATCH (f:Flag)
WHERE f.status = 'ACTIVE' AND f.validUntil < $asOf
RETURN f.flagId AS flagId
ORDER BY flagId
LIMIT $limit
