// Write the sanction flags derived from credit records (P3 arrears,
// P7 commitments), one per (source, target, flag type).
// A flag's id derives from its source, target and type, so its links never change: the flag
// and its FLAGGED / DERIVED_FROM links are created when the id is new; its state (basis,
// validity, ACTIVE) is set every time. Idempotent. Risk indicators never use this label.
// @param flags LIST<MAP>  {flagId, flagType, ruleId, legalBasis, public, targetSid, sourceId, sourceSid, validFrom, validUntil}
// @param on DATE  the day of derivation (kept on creation)
// @returns flagId, created
UNWIND $flags AS f
MATCH (src:CreditRecord {recordId: f.sourceId})
MATCH (t:Subject {sid: f.targetSid})
OPTIONAL MATCH (old:Flag {flagId: f.flagId})
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (t)<-[:FLAGGED]-(:Flag {flagId: f.flagId, flagType: f.flagType, ruleId: f.ruleId,
          isSanction: true, sourceKind: 'RECORD', sourceId: f.sourceId,
          sourceSid: f.sourceSid, targetSid: f.targetSid, derivedOn: $on})-[:DERIVED_FROM]->(src))
WITH f, old IS NULL AS created
MATCH (flag:Flag {flagId: f.flagId})
SET flag.legalBasis = f.legalBasis, flag.public = f.public, flag.validFrom = f.validFrom,
    flag.validUntil = f.validUntil, flag.status = 'ACTIVE', flag.endedAt = null,
    flag.endReason = null
RETURN f.flagId AS flagId, created
