"""Analyst Cypher (issue 7 item 4): `runCypher` and the files of cypher/analytics/ run by name,
read-only, bounded, without protected personal data, audited. Entry points: `run.run_cypher`,
`run.run_analytics_query`, `run.catalogue`; the guard in `guard.check`."""
