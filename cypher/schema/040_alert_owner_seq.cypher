// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on Alert(owner, seq).
CREATE INDEX alert_owner_seq IF NOT EXISTS FOR (n:Alert) ON (n.owner, n.seq)
