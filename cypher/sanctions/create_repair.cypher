// Record an approved credit repair for an entry in force (002 HLJ Art.40; DOMAIN.md §6.1):
// the methods used, when it was filed and completed, and the departments told to stop.
// @param entryId STRING  the entry repaired
// @param repairId STRING  id of the repair application
// @param methods LIST<STRING>  repair methods (RECTIFICATION, TRAINING, …)
// @param filedAt DATE  day the application was filed
// @param completedAt DATE  day the repair was confirmed
// @param note STRING  the officer's note, or null
// @param inForce LIST<STRING>  statuses under which an entry counts
// @returns repairId, entryId, sid
MATCH (e:ListEntry {entryId: $entryId})<-[:LISTED_AS]-(s:Subject)
WHERE e.status IN $inForce
CREATE (r:RepairApplication {repairId: $repairId, methods: $methods, filedAt: $filedAt,
                             decision: 'APPROVED', completedAt: $completedAt, note: $note})
CREATE (s)-[:FILED]->(r)
CREATE (r)-[:CONCERNS]->(e)
RETURN r.repairId AS repairId, e.entryId AS entryId, s.sid AS sid
