// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on Watch(owner).
CREATE INDEX watch_owner IF NOT EXISTS FOR (n:Watch) ON (n.owner)
