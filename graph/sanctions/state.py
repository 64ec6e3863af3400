"""A snapshot of everything the sanction services write, to prove a step changed nothing."""

from __future__ import annotations

from typing import Any

from graph.cypher import statement
from graph.executor import Executor

GET_SANCTION_STATE = statement("sanctions/get_sanction_state")

Snapshot = list[tuple[str, str, tuple[tuple[str, Any], ...]]]


async def snapshot(executor: Executor) -> Snapshot:
    """(kind, key, sorted properties) for every sanction node and relationship, sorted."""
    rows = await executor.read(GET_SANCTION_STATE)
    items = [(r["kind"], r["key"], tuple(sorted((r["props"] or {}).items()))) for r in rows]
    return sorted(items, key=lambda item: (item[0], item[1]))
