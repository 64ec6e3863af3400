// Ids of the credit records that may start a rule (for a full re-derivation), in id order.
// @param types LIST<STRING>  record types some rule starts from
// @param statuses LIST<STRING>  record statuses under which some rule counts them
// @returns id
MATCH (r:CreditRecord)
WHERE r.recordType IN $types AND r.status IN $statuses
RETURN r.recordId AS id
ORDER BY id
