// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on CreditRecord(status, publicationEnd).
CREATE INDEX credit_record_status_publication_end IF NOT EXISTS FOR (n:CreditRecord) ON (n.status, n.publicationEnd)
