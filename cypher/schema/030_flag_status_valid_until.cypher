// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on Flag(status, validUntil).
CREATE INDEX flag_status_valid_until IF NOT EXISTS FOR (n:Flag) ON (n.status, n.validUntil)
