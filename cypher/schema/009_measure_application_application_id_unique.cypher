// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// MeasureApplication.applicationId is unique.
CREATE CONSTRAINT measure_application_application_id_unique IF NOT EXISTS FOR (n:MeasureApplication) REQUIRE n.applicationId IS UNIQUE
