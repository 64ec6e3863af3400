// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on MeasureApplication(status, feedbackDueAt).
CREATE INDEX measure_application_status_feedback_due_at IF NOT EXISTS FOR (n:MeasureApplication) ON (n.status, n.feedbackDueAt)
