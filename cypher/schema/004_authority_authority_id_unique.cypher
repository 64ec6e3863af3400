// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Authority.authorityId is unique.
CREATE CONSTRAINT authority_authority_id_unique IF NOT EXISTS FOR (n:Authority) REQUIRE n.authorityId IS UNIQUE
