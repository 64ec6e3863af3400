"""Schema migration and reference data: what a fresh database needs before the first request.

1. every `cypher/schema/*.cypher` statement, in name order (each is `CREATE … IF NOT EXISTS`,
   one per transaction, so applying twice is harmless), then the name-gram index of the search
   (graph/search, ADR 0006);
2. the published measure catalogue (seeds/measures.py), so officers can apply measures and
   dashboards list them on a database that has seen no import;
3. the reference authority tree (seeds/generator.py `authority_rows`, the demo region's bodies;
   [Not in seeds]: a deployment imports its own with `creditgraph import`, which updates them by
   id). Both are upserts by key: running `migrate` again creates nothing.

The service runs this at start; `creditgraph migrate` runs it on demand.
"""

from __future__ import annotations

import asyncio
import random

from graph.cypher import REGISTRY, Statement
from graph.errors import Conflict
from graph.executor import Executor

CONFLICT_ATTEMPTS = 5


def schema_statements() -> list[Statement]:
    from graph.search import GRAM_SCHEMA

    return [*REGISTRY.area("schema"), GRAM_SCHEMA]


async def migrate(executor: Executor, *, reference_data: bool = True) -> int:
    """Apply the schema (and load the reference data); returns how many schema statements ran.

    Several API processes starting at once all migrate (`serve --workers N`, replicas): two
    creating the same reference row collide on its unique key. Every step is idempotent, so the
    one that lost runs again from the start after a short random pause."""
    for attempt in range(CONFLICT_ATTEMPTS):
        try:
            return await _migrate(executor, reference_data)
        except Conflict:
            if attempt == CONFLICT_ATTEMPTS - 1:
                raise
            await asyncio.sleep(random.uniform(0.1, 0.5) * (attempt + 1))
    raise AssertionError("unreachable")


async def _migrate(executor: Executor, reference_data: bool) -> int:
    statements = schema_statements()
    for stmt in statements:
        await executor.write(stmt)
    if reference_data:
        await load_reference_data(executor)
    return len(statements)


async def load_reference_data(executor: Executor) -> None:
    """The measure catalogue and the reference authorities, each in one transaction."""
    from graph.importer import import_rows
    from graph.measures.catalogue import load_catalogue
    from seeds.generator import authority_rows

    await load_catalogue(executor)
    rows, _ = authority_rows()
    # Authorities hold no personal data: the identity key is never used for them.
    await import_rows(
        executor,
        (("reference-authorities", i, row) for i, row in enumerate(rows, 1)),
        id_key=b"reference-data",
        batch_size=len(rows),
        progress=False,
        total=len(rows),
        risk_refresh=False,
    )
