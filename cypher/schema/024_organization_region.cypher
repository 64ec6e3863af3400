// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on Organization(region).
CREATE INDEX organization_region IF NOT EXISTS FOR (n:Organization) ON (n.region)
