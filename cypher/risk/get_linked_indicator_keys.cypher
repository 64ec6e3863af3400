// The (target, source) pairs that have an indicator of this type now: what a replacement is
// compared with, so the watches hear of pairs that appear or go (graph/alerts).
// @param targets LIST<STRING>  public ids of the targets
// @param indicatorType STRING  LINKED_RISK
// @returns indicatorId, target, source
UNWIND $targets AS key
MATCH (:Subject {sid: key})<-[:INDICATES]-(i:RiskIndicator {indicatorType: $indicatorType})
RETURN i.indicatorId AS indicatorId, key AS target, i.sourceSid AS source
