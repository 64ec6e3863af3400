// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.
// Index on RiskCluster(clusterId).
CREATE INDEX risk_cluster_cluster_id IF NOT EXISTS FOR (n:RiskCluster) ON (n.clusterId)
