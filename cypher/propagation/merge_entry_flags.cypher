// Write the sanction flags derived from list entries, one per (entry, target, flag type).
// Idempotent: an existing flag keeps its id and creation data; a flag whose entry is in force
// is ACTIVE. Risk indicators never use this label (DOMAIN.md §7.3).
// @param flags LIST<MAP>  {flagId, flagType, ruleId, legalBasis, public, targetSid, sourceId, sourceSid, validFrom, validUntil}
// @param on DATE  the day of derivation (kept on creation)
// @returns flagId, created
UNWIND $flags AS f
MATCH (src:ListEntry {entryId: f.sourceId})
MATCH (t:Subject {sid: f.targetSid})
OPTIONAL MATCH (old:Flag {flagId: f.flagId})
WITH f, src, t, old IS NULL AS created
MERGE (flag:Flag {flagId: f.flagId})
ON CREATE SET flag.flagType = f.flagType, flag.ruleId = f.ruleId, flag.isSanction = true,
              flag.sourceKind = 'LIST_ENTRY', flag.sourceId = f.sourceId,
              flag.sourceSid = f.sourceSid, flag.targetSid = f.targetSid, flag.derivedOn = $on
SET flag.legalBasis = f.legalBasis, flag.public = f.public, flag.validFrom = f.validFrom,
    flag.validUntil = f.validUntil, flag.status = 'ACTIVE', flag.endedAt = null,
    flag.endReason = null
MERGE (flag)-[:FLAGGED]->(t)
MERGE (flag)-[:DERIVED_FROM]->(src)
RETURN f.flagId AS flagId, created
