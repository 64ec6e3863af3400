"""Benchmarks: `python -m bench --scale N` (the import benchmark); figures go to BENCHMARKS.md."""

# Hashes the synthetic cities' ID numbers only. One key for every benchmark, so a city built once
# (bench/city.py) gives the person ids the propagation benchmark derives from the same files.
BENCH_KEY = b"creditgraph-benchmark-key"
