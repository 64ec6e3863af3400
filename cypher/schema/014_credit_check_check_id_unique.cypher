// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// CreditCheck.checkId is unique.
CREATE CONSTRAINT credit_check_check_id_unique IF NOT EXISTS FOR (n:CreditCheck) REQUIRE n.checkId IS UNIQUE
