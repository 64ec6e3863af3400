// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Alert.alertId is unique.
CREATE CONSTRAINT alert_alert_id_unique IF NOT EXISTS FOR (n:Alert) REQUIRE n.alertId IS UNIQUE
