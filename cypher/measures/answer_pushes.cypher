// Feedback on a measure application answers the push of its entry to the applying authority
// (P20: "各部门将惩戒措施落实情况形成反馈机制", 001 item 8): the authority's pushes of that
// entry, or of the entry derived from it or that it derives from (a court's judgment-defaulter
// entry and the serious entry P2 derives), still waiting become HANDLED with the feedback.
// @param applicationId STRING  the application that received feedback
// @param recipient STRING  the participants' recipient function (graph/rules/propagation.yaml)
// @param outcome STRING  the feedback, in the department's words
// @param submittedAt DATE  day the feedback arrived
// @returns noticeId
MATCH (x:MeasureApplication {applicationId: $applicationId})-[:BECAUSE_OF]->(e:ListEntry)
MATCH (x)-[:BY]->(a:Authority)
OPTIONAL MATCH (e)-[:DERIVED_FROM]->(parent:ListEntry)
OPTIONAL MATCH (child:ListEntry)-[:DERIVED_FROM]->(e)
WITH x, a, e, collect(DISTINCT parent.entryId) AS parents, collect(DISTINCT child.entryId) AS children
WITH x, a, [e.entryId] + parents + children AS ids
MATCH (n:Notice {authorityId: a.authorityId})
WHERE n.recipient = $recipient AND n.status = 'SENT' AND n.sourceId IN ids
SET n.status = 'HANDLED', n.result = $outcome, n.handledOn = $submittedAt,
    n.applicationId = x.applicationId
RETURN n.noticeId AS noticeId
ORDER BY noticeId
