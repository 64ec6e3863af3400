// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on Organization(industry).
CREATE INDEX organization_industry IF NOT EXISTS FOR (n:Organization) ON (n.industry)
