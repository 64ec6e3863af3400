// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Lease.name is unique.
CREATE CONSTRAINT lease_name_unique IF NOT EXISTS FOR (n:Lease) REQUIRE n.name IS UNIQUE
