// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// AlertEvent.eventId is unique.
CREATE CONSTRAINT alert_event_event_id_unique IF NOT EXISTS FOR (n:AlertEvent) REQUIRE n.eventId IS UNIQUE
