// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on AlertEvent(at).
CREATE INDEX alert_event_at IF NOT EXISTS FOR (n:AlertEvent) ON (n.at)
