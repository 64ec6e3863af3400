// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on Watch(sid).
CREATE INDEX watch_sid IF NOT EXISTS FOR (n:Watch) ON (n.sid)
