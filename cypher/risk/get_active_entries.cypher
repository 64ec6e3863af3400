// Every list entry of each subject that is in force on the day (any list type, red included).
// @param sids LIST<STRING>  subjects
// @param listStatuses LIST<STRING>  statuses that mean "not removed"
// @param asOf DATE  the day
// @returns sid, entryId, listType, status, decisionNo, decisionDate, validFrom, validUntil, reason
UNWIND $sids AS key
MATCH (:Subject {sid: key})-[:LISTED_AS]->(e:ListEntry)
WHERE e.status IN $listStatuses AND (e.validFrom IS NULL OR e.validFrom <= $asOf)
  AND (e.validUntil IS NULL OR e.validUntil >= $asOf)
RETURN key AS sid, e.entryId AS entryId, e.listType AS listType, e.status AS status,
       e.decisionNo AS decisionNo, e.decisionDate AS decisionDate, e.validFrom AS validFrom,
       e.validUntil AS validUntil, e.reason AS reason
ORDER BY sid, validFrom DESC, entryId
