// The notifications still waiting for their handling result that each list entry sent (to
// withdraw those a rule no longer implies, or whose entry is removed).
// @param ids LIST<STRING>  entry ids
// @returns sourceId, noticeId
UNWIND $ids AS id
MATCH (:ListEntry {entryId: id})<-[:ABOUT]-(n:Notice)
WHERE n.status = 'SENT'
RETURN id AS sourceId, n.noticeId AS noticeId
