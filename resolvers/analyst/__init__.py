"""Analyst Cypher: runCypher, the catalogue of cypher/analytics/ and runAnalyticsQuery."""
