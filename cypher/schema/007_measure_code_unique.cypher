// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Measure.code is unique.
CREATE CONSTRAINT measure_code_unique IF NOT EXISTS FOR (n:Measure) REQUIRE n.code IS UNIQUE
