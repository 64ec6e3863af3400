// The reminders still standing that each credit record sent (P16): to withdraw those a rule no
// longer implies (the record was corrected, revoked or repaired).
// @param ids LIST<STRING>  record ids
// @returns sourceId, noticeId
UNWIND $ids AS id
MATCH (:CreditRecord {recordId: id})<-[:ABOUT]-(n:Notice)
WHERE n.status = 'SENT'
RETURN id AS sourceId, n.noticeId AS noticeId
