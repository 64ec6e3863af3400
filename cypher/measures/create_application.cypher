// Record that a department applies a published catalogue measure to a subject because of a
// list entry (DOMAIN.md §5.5 step 5), with the day its feedback is due (step 6).
// @param applicationId STRING  id of the new application
// @param code STRING  measure code
// @param sid STRING  the subject the measure is applied against
// @param entryId STRING  the entry it is applied because of
// @param authorityId STRING  the applying department
// @param appliedAt DATE  day the measure was applied
// @param endsAt DATE  last day of the measure (its period, bounded by the entry's), or null
// @param businessItem STRING  the business item it was applied in (e.g. a procurement id)
// @param feedbackDueAt DATE  day the feedback is due
// @returns applicationId
MATCH (m:Measure {code: $code})
MATCH (s:Subject {sid: $sid})
MATCH (e:ListEntry {entryId: $entryId})
MATCH (a:Authority {authorityId: $authorityId})
CREATE (x:MeasureApplication {applicationId: $applicationId, measureCode: $code,
                              appliedAt: $appliedAt, endsAt: $endsAt,
                              businessItem: $businessItem, status: 'APPLIED',
                              feedbackDueAt: $feedbackDueAt})
CREATE (x)-[:APPLIES]->(m)
CREATE (x)-[:AGAINST]->(s)
CREATE (x)-[:BECAUSE_OF]->(e)
CREATE (x)-[:BY]->(a)
RETURN x.applicationId AS applicationId
