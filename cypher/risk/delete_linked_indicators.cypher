// Remove the risk indicators of one type from the given subjects (before writing their new ones
// in the same transaction). Risk indicators only: sanction flags (:Flag) are never touched here.
// @param targets LIST<STRING>  subjects whose indicators are recomputed
// @param indicatorType STRING  LINKED_RISK
// @returns deleted
UNWIND $targets AS key
MATCH (:Subject {sid: key})<-[:INDICATES]-(i:RiskIndicator {indicatorType: $indicatorType})
DETACH DELETE i
RETURN count(*) AS deleted
