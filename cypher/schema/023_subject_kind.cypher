// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on Subject(kind).
CREATE INDEX subject_kind IF NOT EXISTS FOR (n:Subject) ON (n.kind)
