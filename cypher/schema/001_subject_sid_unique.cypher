// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Subject.sid is unique.
CREATE CONSTRAINT subject_sid_unique IF NOT EXISTS FOR (n:Subject) REQUIRE n.sid IS UNIQUE
