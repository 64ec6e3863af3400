// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// ListEntry.entryId is unique.
CREATE CONSTRAINT list_entry_entry_id_unique IF NOT EXISTS FOR (n:ListEntry) REQUIRE n.entryId IS UNIQUE
