// The persons a list entry names as directly responsible for the unpaid debt
// (影响债务履行的直接责任人, 002 HLJ Art.33).
// @param ids LIST<STRING>  entry ids
// @returns sourceId, sid, kind, name
UNWIND $ids AS id
MATCH (e:ListEntry {entryId: id})<-[:DEBT_RESPONSIBLE_FOR]-(p:Person)
RETURN id AS sourceId, p.sid AS sid, p.kind AS kind, p.name AS name
ORDER BY sourceId, sid
