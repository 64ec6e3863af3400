// How many applications wait for feedback after their due day.
// @param asOf DATE  the day that decides overdue
// @returns count
MATCH (x:MeasureApplication)
WHERE x.status = 'APPLIED' AND x.feedbackDueAt < $asOf
RETURN count(x) AS count
