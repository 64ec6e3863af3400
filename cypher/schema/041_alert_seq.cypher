// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on Alert(seq).
CREATE INDEX alert_seq IF NOT EXISTS FOR (n:Alert) ON (n.seq)
