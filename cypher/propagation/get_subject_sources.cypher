// Sources of the given subjects that a rule following roles may start from: list entries
// entered directly (not derived: their source propagates them) and credit records, of the given
// types and statuses. Used when roles arrive after the sources they concern.
// @param sids LIST<STRING>  subjects (organisations whose roles changed)
// @param listTypes LIST<STRING>  list types such a rule starts from (or derives from)
// @param listStatuses LIST<STRING>  statuses under which an entry counts
// @param recordTypes LIST<STRING>  record types such a rule starts from
// @param recordStatuses LIST<STRING>  record statuses such a rule counts
// @returns kind, sid, id
UNWIND $sids AS key
MATCH (:Subject {sid: key})-[:LISTED_AS]->(e:ListEntry)
WHERE e.listType IN $listTypes AND e.status IN $listStatuses AND e.derivedFrom IS NULL
RETURN 'list_entry' AS kind, key AS sid, e.entryId AS id
UNION ALL
UNWIND $sids AS key
MATCH (:Subject {sid: key})-[:HAS_RECORD]->(r:CreditRecord)
WHERE r.recordType IN $recordTypes AND r.status IN $recordStatuses
RETURN 'record' AS kind, key AS sid, r.recordId AS id
