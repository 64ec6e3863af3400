"""Schema migration: apply every `cypher/schema/*.cypher` statement, in name order.

Each statement is `CREATE … IF NOT EXISTS`, so applying twice is harmless; the service applies
them at start and `creditgraph migrate` applies them on demand.
"""

from __future__ import annotations

from graph.cypher import REGISTRY, Statement
from graph.executor import Executor


def schema_statements() -> list[Statement]:
    return REGISTRY.area("schema")


async def migrate(executor: Executor) -> int:
    """Apply the schema; returns how many statements ran. Schema changes run one per transaction."""
    statements = schema_statements()
    for stmt in statements:
        await executor.write(stmt)
    return len(statements)
