// Measure applications by id with the measure, target, entry and department.
// @param ids LIST<STRING>  application ids
// @returns applicationId, status, appliedAt, endsAt, businessItem, feedbackDueAt, feedbackAt, feedbackText, terminatedAt, terminatedReason, code, measureName, sid, subjectName, entryId, authorityId, authorityName
UNWIND $ids AS id
MATCH (x:MeasureApplication {applicationId: id})-[:APPLIES]->(m:Measure)
MATCH (x)-[:AGAINST]->(s:Subject)
MATCH (x)-[:BECAUSE_OF]->(e:ListEntry)
MATCH (x)-[:BY]->(a:Authority)
RETURN x.applicationId AS applicationId, x.status AS status, x.appliedAt AS appliedAt,
       x.endsAt AS endsAt, x.businessItem AS businessItem, x.feedbackDueAt AS feedbackDueAt,
       x.feedbackAt AS feedbackAt, x.feedbackText AS feedbackText,
       x.terminatedAt AS terminatedAt, x.terminatedReason AS terminatedReason,
       m.code AS code, m.name AS measureName, s.sid AS sid, s.name AS subjectName,
       e.entryId AS entryId, a.authorityId AS authorityId, a.name AS authorityName
