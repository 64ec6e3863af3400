// Terminate the measures applied because of removed entries (P11, P12: punishment ends once the
// entry is removed); returns which departments were applying them, so they can be told.
// @param ids LIST<STRING>  removed entry ids
// @param reason STRING  the entry's removal reason
// @param on DATE  the day of termination
// @returns applicationId, authorityId
UNWIND $ids AS id
MATCH (:ListEntry {entryId: id})<-[:BECAUSE_OF]-(x:MeasureApplication)-[:BY]->(a:Authority)
WHERE x.status IN ['APPLIED', 'FEEDBACK_SUBMITTED']
SET x.status = 'TERMINATED', x.terminatedAt = $on, x.terminatedReason = $reason
RETURN x.applicationId AS applicationId, a.authorityId AS authorityId
