// Record how a department applied a measure (反馈, DOMAIN.md §5.5 step 6). Only an application
// still APPLIED takes feedback.
// @param applicationId STRING  the application
// @param outcome STRING  what was done, in the department's words
// @param submittedAt DATE  day the feedback arrived
// @returns applicationId
MATCH (x:MeasureApplication {applicationId: $applicationId})
WHERE x.status = 'APPLIED'
SET x.status = 'FEEDBACK_SUBMITTED', x.feedbackText = $outcome, x.feedbackAt = $submittedAt
RETURN x.applicationId AS applicationId
