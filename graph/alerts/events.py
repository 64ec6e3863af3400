"""The alert outbox: each change writes, in its own transaction, one event per thing it changed.

An event names the subjects the change touched (`sids`); the fan-out (graph/alerts/fanout.py)
serves it after the commit, finds the watches near those subjects and writes their alerts. Being
written with the change, an event exists exactly when the change committed: a crash before the
fan-out leaves it for the next round, a rolled-back change leaves none.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Literal

from graph.cypher import statement
from graph.executor import Tx

CREATE_ENTRY_EVENTS = statement("alerts/create_entry_events")
CREATE_FLAG_EVENTS = statement("alerts/create_flag_events")
CREATE_ROLE_EVENTS = statement("alerts/create_role_events")
CREATE_INDICATOR_EVENTS = statement("alerts/create_indicator_events")
COUNT_FOLLOWERS = statement("alerts/count_followers")
CREATE_GRADE_EVENTS = statement("alerts/create_grade_events")

Change = Literal["ADDED", "REMOVED", "CHANGED"]
KINDS = ("LIST_ENTRY", "FLAG", "RISK_INDICATOR", "GRADE", "ROLE")


async def entries(tx: Tx, ids: Sequence[str], change: Change) -> None:
    """List entries a change created (designation, import, derivation) or removed."""
    if ids:
        await tx.run(CREATE_ENTRY_EVENTS, ids=list(dict.fromkeys(ids)), **_stamp(change))


async def flags(tx: Tx, ids: Sequence[str], change: Change) -> None:
    """Sanction flags a change set on responsible persons, or ended."""
    if ids:
        await tx.run(CREATE_FLAG_EVENTS, ids=list(dict.fromkeys(ids)), **_stamp(change))


async def roles(
    tx: Tx, links: Sequence[tuple[str, str, str]], change: Change, *, only_followed: bool = False
) -> None:
    """Roles a change wrote or ended, as (holder, organisation, role). An import writes them
    `only_followed`: a city's million roles make no events while no watch follows roles."""
    if links and (not only_followed or await _followed(tx, "ROLE")):
        rows = [{"holder": h, "organization": o, "role": r} for h, o, r in links]
        await tx.run(CREATE_ROLE_EVENTS, roles=rows, **_stamp(change))


async def indicators(
    tx: Tx,
    before: Sequence[tuple[str, str, str]],
    after: Sequence[tuple[str, str, str]],
    *,
    rule_id: str,
    indicator_type: str,
) -> None:
    """Linked-risk indicators a replacement created or removed, each as (id, target, source).
    A recomputation touches every indicator, so nothing is written while no watch follows them
    (a watch made meanwhile hears of the next change)."""
    old, new = {i[0]: i for i in before}, {i[0]: i for i in after}
    added = [new[k] for k in sorted(new.keys() - old.keys())]
    removed = [old[k] for k in sorted(old.keys() - new.keys())]
    if not added and not removed:
        return
    if not await _followed(tx, "RISK_INDICATOR"):
        return
    for change, items in (("ADDED", added), ("REMOVED", removed)):
        if items:
            await tx.run(
                CREATE_INDICATOR_EVENTS,
                indicators=[{"indicatorId": i, "target": t, "source": s} for i, t, s in items],
                ruleId=rule_id,
                indicatorType=indicator_type,
                **_stamp(change),  # type: ignore[arg-type]
            )


async def grades(
    tx: Tx, moved: Sequence[tuple[str, str, str]], *, scheme: str, period_end: date
) -> None:
    """Grades an evaluation run moved, each as (subject, before, after); like indicators, only
    while some watch follows grades (a run re-grades every organisation)."""
    if not moved or not await _followed(tx, "GRADE"):
        return
    rows = [{"sid": s, "before": b, "after": a} for s, b, a in moved]
    stamp = _stamp("CHANGED")
    del stamp["change"]
    await tx.run(CREATE_GRADE_EVENTS, grades=rows, scheme=scheme, periodEnd=period_end, **stamp)


async def _followed(tx: Tx, kind: str) -> bool:
    row = await tx.one(COUNT_FOLLOWERS, kind=kind)
    return row is not None and bool(row["followers"])


def _stamp(change: Change) -> dict[str, object]:
    return {"change": change, "token": uuid.uuid4().hex, "at": datetime.now(UTC)}
