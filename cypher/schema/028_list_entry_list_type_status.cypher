// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on ListEntry(listType, status).
CREATE INDEX list_entry_list_type_status IF NOT EXISTS FOR (n:ListEntry) ON (n.listType, n.status)
