"""Risk analytics: grades, ownership penetration, control, linked risk, clusters, credit checks."""
