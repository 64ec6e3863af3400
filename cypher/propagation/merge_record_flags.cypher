// Write the sanction flags derived from credit records (P3 arrears, P7 commitments), one per
// (record, target, flag type). Idempotent, as for list entries.
// @param flags LIST<MAP>  {flagId, flagType, ruleId, legalBasis, public, targetSid, sourceId, sourceSid, validFrom, validUntil}
// @param on DATE  the day of derivation (kept on creation)
// @returns flagId, created
UNWIND $flags AS f
MATCH (src:CreditRecord {recordId: f.sourceId})
MATCH (t:Subject {sid: f.targetSid})
OPTIONAL MATCH (old:Flag {flagId: f.flagId})
WITH f, src, t, old IS NULL AS created
MERGE (flag:Flag {flagId: f.flagId})
ON CREATE SET flag.flagType = f.flagType, flag.ruleId = f.ruleId, flag.isSanction = true,
              flag.sourceKind = 'RECORD', flag.sourceId = f.sourceId,
              flag.sourceSid = f.sourceSid, flag.targetSid = f.targetSid, flag.derivedOn = $on
SET flag.legalBasis = f.legalBasis, flag.public = f.public, flag.validFrom = f.validFrom,
    flag.validUntil = f.validUntil, flag.status = 'ACTIVE', flag.endedAt = null,
    flag.endReason = null
MERGE (flag)-[:FLAGGED]->(t)
MERGE (flag)-[:DERIVED_FROM]->(src)
RETURN f.flagId AS flagId, created
