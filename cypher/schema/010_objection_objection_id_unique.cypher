// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Objection.objectionId is unique.
CREATE CONSTRAINT objection_objection_id_unique IF NOT EXISTS FOR (n:Objection) REQUIRE n.objectionId IS UNIQUE
