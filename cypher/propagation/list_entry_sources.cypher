// Ids of the list entries that may start a rule (for a full re-derivation), in id order.
// @param types LIST<STRING>  list types some rule starts from
// @param statuses LIST<STRING>  statuses under which an entry counts
// @returns id
MATCH (e:ListEntry)
WHERE e.listType IN $types AND e.status IN $statuses
RETURN e.entryId AS id
ORDER BY id
