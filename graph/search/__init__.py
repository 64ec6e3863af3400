"""Name search over an index of two-character grams (docs/adr/0006-name-search-grams.md).

`grams` keeps the index in step with subject names (in the transaction of the write that set
them) and rebuilds it; `statements` picks the prepared search and count statement for a request.
"""

from graph.search.grams import GRAM_SCHEMA, index_names, rebuild
from graph.search.statements import MIN_INDEXED, NameSearch, choose

__all__ = ["GRAM_SCHEMA", "MIN_INDEXED", "NameSearch", "choose", "index_names", "rebuild"]
