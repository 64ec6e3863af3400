// Record that a credit check happened (逢办必查, 004 §4(3) item 4): who asked, for which business
// item, when, and what the answer was.
// @param sid STRING  the subject checked
// @param checkId STRING  the check's id
// @param businessItem STRING  the business item (licence, procurement, …) being handled
// @param checkedAt DATETIME  when
// @param checkedBy STRING  the principal that asked
// @param result STRING  CLEAR, ATTENTION or SERIOUS
// @param grade STRING  the subject's Hebei grade at the time
// @param listTypes LIST<STRING>  list types in force at the time
// @param flagCount INTEGER  sanction flags in force
// @param indicatorCount INTEGER  risk indicators at the time
// @returns checkId
MATCH (s:Subject {sid: $sid})
CREATE (c:CreditCheck {checkId: $checkId, businessItem: $businessItem, checkedAt: $checkedAt,
                       checkedBy: $checkedBy, result: $result, grade: $grade,
                       listTypes: $listTypes, flagCount: $flagCount,
                       indicatorCount: $indicatorCount})-[:CHECKED]->(s)
RETURN c.checkId AS checkId
