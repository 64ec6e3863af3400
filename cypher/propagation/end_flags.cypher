// End flags (kept as history) and stop publication of the person records they carry.
// @param flags LIST<MAP>  {flagId, reason, recordStatus}
// @param on DATE  the day the flags end
// @returns flagId
UNWIND $flags AS x
MATCH (f:Flag {flagId: x.flagId})
WHERE f.status = 'ACTIVE'
SET f.status = 'ENDED', f.endedAt = $on, f.endReason = x.reason
WITH x, f
CALL (x, f) {
  MATCH (f)-[:RECORDED_AS]->(r:CreditRecord)
  SET r.status = x.recordStatus, r.publicationStopped = true, r.publicationStoppedAt = $on
}
RETURN f.flagId AS flagId
