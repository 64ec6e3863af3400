// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on CreditRecord(recordType, decisionDate).
CREATE INDEX credit_record_record_type_decision_date IF NOT EXISTS FOR (n:CreditRecord) ON (n.recordType, n.decisionDate)
