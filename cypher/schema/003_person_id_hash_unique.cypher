// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Person.idHash is unique.
CREATE CONSTRAINT person_id_hash_unique IF NOT EXISTS FOR (n:Person) REQUIRE n.idHash IS UNIQUE
