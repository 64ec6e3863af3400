// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Flag.flagId is unique.
CREATE CONSTRAINT flag_flag_id_unique IF NOT EXISTS FOR (n:Flag) REQUIRE n.flagId IS UNIQUE
