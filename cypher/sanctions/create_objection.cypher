// File an objection against an entry in force and mark the entry (异议标注, 002 HLJ Art.39):
// the entry becomes OBJECTION_PENDING and still counts until the objection is decided.
// @param entryId STRING  the entry objected to
// @param objectionId STRING  id of the new objection
// @param grounds STRING  ERROR, OMISSION, OVERDUE_PUBLICATION, TRADE_SECRET or PRIVACY
// @param statement STRING  the subject's statement of facts and reasons
// @param filedAt DATE  day the objection was received
// @param markedAt DATE  day the entry was marked
// @param markDueAt DATE  last day for the mark (1 working day, Art.39)
// @param dueAt DATE  last day for the decision (working days, Art.35/39)
// @returns objectionId, entryId, sid
MATCH (e:ListEntry {entryId: $entryId})<-[:LISTED_AS]-(s:Subject)
WHERE e.status = 'ACTIVE'
CREATE (o:Objection {objectionId: $objectionId, grounds: $grounds, statement: $statement,
                     filedAt: $filedAt, markedAt: $markedAt, markDueAt: $markDueAt,
                     dueAt: $dueAt,
                     status: 'PENDING'})
CREATE (s)-[:FILED]->(o)
CREATE (o)-[:CONCERNS]->(e)
SET e.status = 'OBJECTION_PENDING'
RETURN o.objectionId AS objectionId, e.entryId AS entryId, s.sid AS sid
