// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Triage.indicatorId is unique.
CREATE CONSTRAINT triage_indicator_id_unique IF NOT EXISTS FOR (n:Triage) REQUIRE n.indicatorId IS UNIQUE
