// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Watch.watchId is unique.
CREATE CONSTRAINT watch_watch_id_unique IF NOT EXISTS FOR (n:Watch) REQUIRE n.watchId IS UNIQUE
