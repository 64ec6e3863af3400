"""The alert outbox: each change writes, in its own transaction, one event per thing it changed.

An event names the subjects the change touched (`sids`); the fan-out (graph/alerts/fanout.py)
serves it after the commit, finds the watches near those subjects and writes their alerts. Being
written with the change, an event exists exactly when the change committed: a crash before the
fan-out leaves it for the next round, a rolled-back change leaves none.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Literal

from graph.cypher import statement
from graph.executor import Tx

CREATE_ENTRY_EVENTS = statement("alerts/create_entry_events")
CREATE_FLAG_EVENTS = statement("alerts/create_flag_events")
CREATE_ROLE_EVENTS = statement("alerts/create_role_events")

Change = Literal["ADDED", "REMOVED"]
KINDS = ("LIST_ENTRY", "FLAG", "RISK_INDICATOR", "GRADE", "ROLE")


async def entries(tx: Tx, ids: Sequence[str], change: Change) -> None:
    """List entries a change created (designation, import, derivation) or removed."""
    if ids:
        await tx.run(CREATE_ENTRY_EVENTS, ids=list(dict.fromkeys(ids)), **_stamp(change))


async def flags(tx: Tx, ids: Sequence[str], change: Change) -> None:
    """Sanction flags a change set on responsible persons, or ended."""
    if ids:
        await tx.run(CREATE_FLAG_EVENTS, ids=list(dict.fromkeys(ids)), **_stamp(change))


async def roles(tx: Tx, links: Sequence[tuple[str, str, str]], change: Change) -> None:
    """Roles a change wrote or ended, as (holder, organisation, role)."""
    if links:
        rows = [{"holder": h, "organization": o, "role": r} for h, o, r in links]
        await tx.run(CREATE_ROLE_EVENTS, roles=rows, **_stamp(change))


def _stamp(change: Change) -> dict[str, object]:
    return {"change": change, "token": uuid.uuid4().hex, "at": datetime.now(UTC)}
