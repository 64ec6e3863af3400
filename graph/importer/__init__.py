"""Bulk import of departmental feeds (docs/import-format.md) and the single-row writes the API uses.

`import_files` reads JSONL / CSV files; `import_rows` takes (file, line, row) triples from any
source (the synthetic-city generator, the demo). Both validate through `graph.inputs` and write
through the batch statements in `cypher/import/`.
"""

from graph.importer.loader import import_files, import_rows
from graph.importer.rejects import Reject
from graph.importer.summary import ImportSummary, KindCounts

__all__ = ["ImportSummary", "KindCounts", "Reject", "import_files", "import_rows"]
