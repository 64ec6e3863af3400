// List entries that may start a propagation rule, with their listed subject.
// `props` carries every property of the entry, so rules can test any field declared in
// graph/rules/propagation.yaml without a new statement.
// @param ids LIST<STRING>  entry ids
// @returns id, type, status, props, subject
UNWIND $ids AS id
MATCH (e:ListEntry {entryId: id})<-[:LISTED_AS]-(s:Subject)
RETURN e.entryId AS id, e.listType AS type, e.status AS status, properties(e) AS props,
       {sid: s.sid, kind: s.kind, name: s.name, isSOE: s.isSOE,
        industry: s.industry} AS subject
