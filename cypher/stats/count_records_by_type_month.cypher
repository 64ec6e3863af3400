// Number of credit records per record type and month of decision, within a date range.
// @param from DATE  first decision date counted
// @param to DATE  last decision date counted
// @returns recordType, month, count
MATCH (c:CreditRecord)
WHERE c.decisionDate >= $from AND c.decisionDate <= $to
RETURN c.recordType AS recordType, substring(toString(c.decisionDate), 0, 7) AS month,
       count(*) AS count
ORDER BY month, recordType
