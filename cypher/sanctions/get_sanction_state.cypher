// Everything the sanction services write, as (kind, key, props) rows: list
// entries, flags, person records, objections, repairs, measure applications, audit events, and
// every relationship touching them. Tests and the benchmark compare two snapshots to prove a
// step changed nothing (idempotence, rolled-back failures).
// @returns kind, key, props
MATCH (n)
WHERE n:ListEntry OR n:Flag OR n:PersonDishonestyEntry OR n:Objection OR n:RepairApplication
   OR n:MeasureApplication OR n:AuditEvent
RETURN 'node' AS kind,
       coalesce(n.entryId, n.flagId, n.recordId, n.objectionId, n.repairId, n.applicationId,
                n.eventId) AS key,
       properties(n) AS props
UNION ALL
MATCH (a)-[r]->(b)
WHERE a:ListEntry OR a:Flag OR a:PersonDishonestyEntry OR a:Objection OR a:RepairApplication
   OR a:MeasureApplication OR b:ListEntry OR b:PersonDishonestyEntry OR b:Objection
   OR b:RepairApplication
RETURN type(r) AS kind,
       coalesce(a.entryId, a.flagId, a.recordId, a.objectionId, a.repairId, a.applicationId,
                a.sid) + '>' +
       coalesce(b.entryId, b.recordId, b.objectionId, b.repairId, b.sid, b.authorityId,
                b.code) + coalesce('|' + r.key, '') AS key,
       properties(r) AS props
