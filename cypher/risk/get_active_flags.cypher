// Sanction flags in force on each subject (read generically: status ACTIVE, begun, not past
// their validity). Read-only here: the sanctions engine writes and ends flags.
// @param sids LIST<STRING>  subjects
// @param asOf DATE  the day
// @returns sid, flagId, flagType, ruleId, legalBasis, validFrom, validUntil, sourceId
UNWIND $sids AS key
MATCH (:Subject {sid: key})<-[:FLAGGED]-(f:Flag)
WHERE f.status = 'ACTIVE' AND (f.validFrom IS NULL OR f.validFrom <= $asOf)
  AND (f.validUntil IS NULL OR f.validUntil >= $asOf)
RETURN key AS sid, f.flagId AS flagId, f.flagType AS flagType, f.ruleId AS ruleId,
       f.legalBasis AS legalBasis, f.validFrom AS validFrom, f.validUntil AS validUntil,
       f.sourceId AS sourceId
ORDER BY sid, flagType, flagId
