// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// AuditEvent.eventId is unique.
CREATE CONSTRAINT audit_event_event_id_unique IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.eventId IS UNIQUE
