// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Organization.uscc is unique.
CREATE CONSTRAINT organization_uscc_unique IF NOT EXISTS FOR (n:Organization) REQUIRE n.uscc IS UNIQUE
