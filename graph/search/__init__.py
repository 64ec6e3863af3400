"""Name search over an index of two-character grams (docs/adr/0006-name-search-grams.md).

`grams` keeps the index in step with subject names (in the transaction of the write that set
them) and rebuilds it; `statements` picks the prepared search and count statement for a request;
`heads` answers a broad query's first pages from each gram's first holders.
"""

from graph.search.grams import GRAM_SCHEMA, index_names, rebuild
from graph.search.heads import first_page
from graph.search.statements import MIN_INDEXED, NameSearch, choose, could_be_id

__all__ = [
    "GRAM_SCHEMA",
    "MIN_INDEXED",
    "NameSearch",
    "choose",
    "could_be_id",
    "first_page",
    "index_names",
    "rebuild",
]
