// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on ListEntry(validUntil).
CREATE INDEX list_entry_valid_until IF NOT EXISTS FOR (n:ListEntry) ON (n.validUntil)
