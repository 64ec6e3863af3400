// Grading inputs of many subjects: the status, the records decided in the window whose type is not
// neutral, and the entries of the list types that can count. The classifier in
// graph/risk/grading.py decides what counts (status, procedure, class); this only narrows the read.
// @param sids LIST<STRING>  subjects (sid: USCC or person id)
// @param recordTypes LIST<STRING>  record types whose nature is not neutral
// @param windowStart DATE  the day before the window starts (excluded)
// @param asOf DATE  last day of the window (included)
// @param listTypes LIST<STRING>  serious list types and the general-class ones (business anomaly)
// @returns sid, name, kind, status, records, entries
UNWIND $sids AS key
MATCH (s:Subject {sid: key})
CALL (s) {
  MATCH (s)-[:HAS_RECORD]->(r:CreditRecord)
  WHERE r.recordType IN $recordTypes AND r.decisionDate > $windowStart
    AND r.decisionDate <= $asOf
  RETURN collect({recordId: r.recordId, recordType: r.recordType, decisionDate: r.decisionDate,
                  procedure: r.procedure, severity: r.severity, penaltyKind: r.penaltyKind,
                  status: r.status, title: r.title}) AS records
}
CALL (s) {
  MATCH (s)-[:LISTED_AS]->(e:ListEntry)
  WHERE e.listType IN $listTypes AND (e.validFrom IS NULL OR e.validFrom <= $asOf)
  RETURN collect({entryId: e.entryId, listType: e.listType, status: e.status,
                  validFrom: e.validFrom, validUntil: e.validUntil,
                  decisionDate: e.decisionDate}) AS entries
}
RETURN s.sid AS sid, s.name AS name, s.kind AS kind, s.status AS status, records, entries
