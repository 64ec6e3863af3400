// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// CreditRecord.recordId is unique.
CREATE CONSTRAINT credit_record_record_id_unique IF NOT EXISTS FOR (n:CreditRecord) REQUIRE n.recordId IS UNIQUE
