// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on RiskIndicator(indicatorId).
CREATE INDEX risk_indicator_indicator_id IF NOT EXISTS FOR (n:RiskIndicator) ON (n.indicatorId)
