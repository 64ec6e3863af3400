// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// RiskRefresh.sid is unique.
CREATE CONSTRAINT risk_refresh_sid_unique IF NOT EXISTS FOR (n:RiskRefresh) REQUIRE n.sid IS UNIQUE
