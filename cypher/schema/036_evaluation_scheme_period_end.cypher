// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on Evaluation(scheme, periodEnd).
CREATE INDEX evaluation_scheme_period_end IF NOT EXISTS FOR (n:Evaluation) ON (n.scheme, n.periodEnd)
