"""Bulk import of departmental feeds (docs/import-format.md) and the single-row writes the API uses.

`import_files` reads JSONL / CSV files; `import_rows` takes (file, line, row) triples from any
source (the synthetic-city generator, the demo). Both validate through `graph.inputs` and write
through the batch statements in `cypher/import/`; with `propagate=True` (the `creditgraph import`
command) the sanction rules run on each batch in its transaction (`graph.importer.propagation`).
"""

from graph.importer.loader import import_files, import_rows
from graph.importer.rejects import Reject
from graph.importer.summary import ImportSummary, KindCounts, Propagated

__all__ = ["ImportSummary", "KindCounts", "Propagated", "Reject", "import_files", "import_rows"]
