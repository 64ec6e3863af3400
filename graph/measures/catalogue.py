"""The measure catalogue: `(:Measure {code, …, published})` nodes, written idempotently.

The catalogue's content is data in `seeds/measures.py` (DOMAIN.md §5.2–§5.4, each measure with
its legal basis; the [Not in seeds] ones deliberately unpublished). The same rows are what the
import format's `measure` kind carries, so loading the catalogue here or importing it gives the
same nodes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.cypher import statement
from graph.executor import Executor, Record

UPSERT_MEASURES = statement("measures/upsert_measures")
GET_MEASURES = statement("measures/get_measures")

FIELDS = (
    "code",
    "name",
    "measureKind",
    "category",
    "listSource",
    "legalBasis",
    "defaultDurationDays",
    "published",
)


@dataclass(frozen=True)
class Loaded:
    created: int
    updated: int


async def upsert_measures(executor: Executor, rows: Sequence[Mapping[str, Any]]) -> Loaded:
    """Create or update measures by code; running it twice creates nothing the second time."""
    measures = [{f: row.get(f) for f in FIELDS} for row in rows]
    for m in measures:
        m["published"] = bool(m["published"])
    result = await executor.write(UPSERT_MEASURES, measures=measures)
    created = sum(1 for r in result if r["created"])
    return Loaded(created=created, updated=len(result) - created)


async def load_catalogue(executor: Executor) -> Loaded:
    """Load the catalogue declared in seeds/measures.py (the demo and tests call this)."""
    from seeds.measures import measure_rows

    return await upsert_measures(executor, measure_rows())


async def measures(executor: Executor, published: bool | None = None) -> list[Record]:
    return await executor.read(GET_MEASURES, published=published)
