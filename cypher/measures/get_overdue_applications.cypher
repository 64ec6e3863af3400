// Applications still waiting for feedback after their due day, most overdue first (the
// feedback board, DOMAIN.md §5.5 step 7; P20), one page.
// @param asOf DATE  the day that decides overdue (due day before it)
// @param skip INTEGER  offset
// @param limit INTEGER  page size (plus one)
// @returns applicationId
MATCH (x:MeasureApplication)
WHERE x.status = 'APPLIED' AND x.feedbackDueAt < $asOf
RETURN x.applicationId AS applicationId
ORDER BY x.feedbackDueAt, applicationId
SKIP $skip
LIMIT $limit
