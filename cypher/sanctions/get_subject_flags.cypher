// Sanction flags on each subject with their evidence: rule, basis, source and every path.
// Without `includeEnded` only flags in force on `asOf` are returned: begun, not past their
// validity (an entry past validUntil no longer counts even before `creditgraph expire` ran),
// and not ended on or before that day. With it, every flag begun by `asOf`, except one that
// ended before it began (a deadline flag whose source was corrected in time never applied).
// @param sids LIST<STRING>  subjects (targets of the flags)
// @param asOf DATE  the day the question is asked for
// @param includeEnded BOOLEAN  also return ended and expired flags (history)
// @returns sid, flagId, flagType, ruleId, legalBasis, status, validFrom, validUntil, endedAt, endReason, public, sourceKind, sourceId, sourceType, sourceStatus, sourceDecisionNo, sourceDecisionDate, sourceSid, sourceName, targetName, targetKind, paths
UNWIND $sids AS key
MATCH (t:Subject {sid: key})<-[:FLAGGED]-(f:Flag)
WHERE (f.validFrom IS NULL OR f.validFrom <= $asOf)
  AND (f.endedAt IS NULL OR f.validFrom IS NULL OR f.endedAt >= f.validFrom)
  AND ($includeEnded OR ((f.validUntil IS NULL OR f.validUntil >= $asOf)
                         AND (f.endedAt IS NULL OR f.endedAt > $asOf)))
OPTIONAL MATCH (f)-[v:VIA]->(o:Subject)
WITH key, t, f, collect({role: v.role, from: v.from, to: v.to, viaSid: o.sid,
                         viaName: o.name}) AS found
OPTIONAL MATCH (f)-[:DERIVED_FROM]->(src)
OPTIONAL MATCH (ss:Subject {sid: f.sourceSid})
RETURN key AS sid, f.flagId AS flagId, f.flagType AS flagType, f.ruleId AS ruleId,
       f.legalBasis AS legalBasis, f.status AS status, f.validFrom AS validFrom,
       f.validUntil AS validUntil, f.endedAt AS endedAt, f.endReason AS endReason,
       f.public AS public, f.sourceKind AS sourceKind, f.sourceId AS sourceId,
       coalesce(src.listType, src.recordType) AS sourceType, src.status AS sourceStatus,
       src.decisionNo AS sourceDecisionNo, src.decisionDate AS sourceDecisionDate,
       f.sourceSid AS sourceSid, ss.name AS sourceName, t.name AS targetName,
       t.kind AS targetKind, [p IN found WHERE p.role IS NOT NULL] AS paths
ORDER BY sid, validFrom DESC, flagId
