// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// AlertSequence.name is unique.
CREATE CONSTRAINT alert_sequence_name_unique IF NOT EXISTS FOR (n:AlertSequence) REQUIRE n.name IS UNIQUE
