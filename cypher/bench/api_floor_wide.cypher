// Raw floor of the wide response: relatedParties(maxDepth: 2, first: 100) of one subject, and
// for each subject on the page what the benchmark's query asks: an organisation's role holders
// (up to 10, with their total; each holder's first 5 roles), 8 credit records and 8 list
// entries; a person's first 5 roles. One hand-written statement.
// @param sid STRING  the starting subject
// @param asOf DATE  the date every followed role must cover
// @returns sid, distance, name, uscc, region, industry, holders, holderCount, records, entries, held
MATCH (s:Subject {sid: $sid})
MATCH p = (s)-[:LEGAL_REPRESENTATIVE_OF|PRINCIPAL_OF|ACTUAL_CONTROLLER_OF|DIRECTOR_OF|SUPERVISOR_OF|SENIOR_MANAGER_OF|SHAREHOLDER_OF|BRANCH_OF|EMPLOYED_BY*1..2]-(x:Subject)
WHERE x <> s
  AND all(r IN relationships(p) WHERE (r.from IS NULL OR r.from <= $asOf)
                                  AND (r.to IS NULL OR r.to >= $asOf))
WITH x, min(length(p)) AS distance
ORDER BY distance, x.sid
LIMIT 100
CALL (x) {
  OPTIONAL MATCH (x)<-[r]-(h:Subject)
  WITH r, h ORDER BY type(r), r.from, h.sid
  WITH collect([r, h]) AS items
  RETURN size(items) AS holderCount, items[..10] AS top
}
CALL (top) {
  UNWIND top AS item
  WITH item[0] AS r, item[1] AS h
  CALL (h) {
    OPTIONAL MATCH (h:Person)-[r2]->(o2:Organization)
    WITH r2, o2 ORDER BY type(r2), r2.from, o2.sid LIMIT 5
    RETURN collect({role: type(r2), id: o2.sid, name: o2.name}) AS roles
  }
  RETURN collect({role: type(r), from: r.from, to: r.to, id: h.sid, name: h.name,
                  roles: roles}) AS holders
}
CALL (x) {
  OPTIONAL MATCH (x)-[:HAS_RECORD]->(c:CreditRecord)
  WITH c ORDER BY c.decisionDate DESC, c.recordId LIMIT 8
  RETURN collect({id: c.recordId, recordType: c.recordType, decisionDate: c.decisionDate}) AS records
}
CALL (x) {
  OPTIONAL MATCH (x)-[:LISTED_AS]->(e:ListEntry)
  WITH e ORDER BY e.decisionDate DESC, e.entryId LIMIT 8
  RETURN collect({id: e.entryId, listType: e.listType, status: e.status}) AS entries
}
CALL (x) {
  OPTIONAL MATCH (x:Person)-[r3]->(o3:Organization)
  WITH r3, o3 ORDER BY type(r3), r3.from, o3.sid LIMIT 5
  RETURN collect({role: type(r3), from: r3.from, to: r3.to, id: o3.sid, name: o3.name}) AS held
}
RETURN x.sid AS sid, distance, x.name AS name, x.uscc AS uscc, x.region AS region,
       x.industry AS industry, holders, holderCount, records, entries, held
