// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// RepairApplication.repairId is unique.
CREATE CONSTRAINT repair_application_repair_id_unique IF NOT EXISTS FOR (n:RepairApplication) REQUIRE n.repairId IS UNIQUE
