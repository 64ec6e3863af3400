// Credit records that may start a propagation rule (P3 arrears, P7 commitments), with their
// subject; `props` carries every property of the record.
// @param ids LIST<STRING>  record ids
// @returns id, type, status, props, subject
UNWIND $ids AS id
MATCH (r:CreditRecord {recordId: id})<-[:HAS_RECORD]-(s:Subject)
RETURN r.recordId AS id, r.recordType AS type, r.status AS status, properties(r) AS props,
       {sid: s.sid, kind: s.kind, name: s.name, isSOE: s.isSOE,
        industry: s.industry} AS subject
