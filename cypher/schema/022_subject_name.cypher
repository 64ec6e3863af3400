// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on Subject(name).
CREATE INDEX subject_name IF NOT EXISTS FOR (n:Subject) ON (n.name)
