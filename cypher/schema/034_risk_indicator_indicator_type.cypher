// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on RiskIndicator(indicatorType).
CREATE INDEX risk_indicator_indicator_type IF NOT EXISTS FOR (n:RiskIndicator) ON (n.indicatorType)
