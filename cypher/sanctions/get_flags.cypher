// Sanction flags by id with their evidence (the same shape as get_subject_flags).
// @param ids LIST<STRING>  flag ids
// @returns sid, flagId, flagType, ruleId, legalBasis, status, validFrom, validUntil, endedAt, endReason, public, sourceKind, sourceId, sourceType, sourceStatus, sourceDecisionNo, sourceDecisionDate, sourceSid, sourceName, targetName, targetKind, paths
UNWIND $ids AS id
MATCH (f:Flag {flagId: id})-[:FLAGGED]->(t:Subject)
OPTIONAL MATCH (f)-[v:VIA]->(o:Subject)
WITH t, f, collect({role: v.role, from: v.from, to: v.to, viaSid: o.sid,
                    viaName: o.name}) AS found
OPTIONAL MATCH (f)-[:DERIVED_FROM]->(src)
OPTIONAL MATCH (ss:Subject {sid: f.sourceSid})
RETURN t.sid AS sid, f.flagId AS flagId, f.flagType AS flagType, f.ruleId AS ruleId,
       f.legalBasis AS legalBasis, f.status AS status, f.validFrom AS validFrom,
       f.validUntil AS validUntil, f.endedAt AS endedAt, f.endReason AS endReason,
       f.public AS public, f.sourceKind AS sourceKind, f.sourceId AS sourceId,
       coalesce(src.listType, src.recordType) AS sourceType, src.status AS sourceStatus,
       src.decisionNo AS sourceDecisionNo, src.decisionDate AS sourceDecisionDate,
       f.sourceSid AS sourceSid, ss.name AS sourceName, t.name AS targetName,
       t.kind AS targetKind, [p IN found WHERE p.role IS NOT NULL] AS paths
ORDER BY sid, flagType, flagId
