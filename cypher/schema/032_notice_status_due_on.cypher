// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on Notice(status, dueOn).
CREATE INDEX notice_status_due_on IF NOT EXISTS FOR (n:Notice) ON (n.status, n.dueOn)
