// Objections by id with the entry they concern.
// @param ids LIST<STRING>  objection ids
// @returns objectionId, grounds, statement, filedAt, markedAt, markDueAt, dueAt, status, decision, reasons, decidedAt, entryId, entryStatus
UNWIND $ids AS id
MATCH (o:Objection {objectionId: id})-[:CONCERNS]->(e:ListEntry)
RETURN o.objectionId AS objectionId, o.grounds AS grounds, o.statement AS statement,
       o.filedAt AS filedAt, o.markedAt AS markedAt, o.markDueAt AS markDueAt,
       o.dueAt AS dueAt, o.status AS status,
       o.decision AS decision, o.reasons AS reasons, o.decidedAt AS decidedAt,
       e.entryId AS entryId, e.status AS entryStatus
