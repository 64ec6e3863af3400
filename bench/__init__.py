"""Benchmarks: `python -m bench --scale N` (the import benchmark); figures go to BENCHMARKS.md."""
