// Store one Hebei evaluation per subject for a period end, replacing an earlier one for the same
// scheme and period (re-running a batch for the same date is idempotent).
// @param rows LIST<MAP>  {sid, grade, periodStart, generalCount, seriousCount, decidingIds, reason}
// @param scheme STRING  the scheme id (HEBEI_ABCD)
// @param periodEnd DATE  last day of the evaluation window
// @param evaluatedAt DATETIME  when the batch ran
// @returns written
UNWIND $rows AS row
MATCH (s:Subject {sid: row.sid})
OPTIONAL MATCH (s)<-[:RATED]-(old:Evaluation {scheme: $scheme, periodEnd: $periodEnd})
DETACH DELETE old
WITH DISTINCT s, row
CREATE (e:Evaluation {scheme: $scheme, grade: row.grade, periodStart: row.periodStart,
                      periodEnd: $periodEnd, evaluatedAt: $evaluatedAt,
                      generalCount: row.generalCount, seriousCount: row.seriousCount,
                      decidingIds: row.decidingIds, reason: row.reason})-[:RATED]->(s)
RETURN count(e) AS written
