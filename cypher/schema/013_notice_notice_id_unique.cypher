// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Notice.noticeId is unique.
CREATE CONSTRAINT notice_notice_id_unique IF NOT EXISTS FOR (n:Notice) REQUIRE n.noticeId IS UNIQUE
