// Note on a repair which departments were told to stop their measures (the push of the repair
// result to every regulator that applied one, 000 task (8)).
// @param repairId STRING  the repair application
// @param authorityIds LIST<STRING>  departments whose measure applications were terminated
// @returns repairId
MATCH (r:RepairApplication {repairId: $repairId})
SET r.syncedTo = $authorityIds
RETURN r.repairId AS repairId
