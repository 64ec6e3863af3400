"""Sanction propagation: one generic engine executing the rules of graph/rules/propagation.yaml.

Use `engine.propagate_entries(tx, ids, on=…)` after writing list entries (designation, imported
court lists) and `engine.propagate_records(tx, ids, on=…)` after writing or changing credit
records, inside the same unit of work; `engine.preview` plans without writing.
"""
