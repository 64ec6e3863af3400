"""Reading alerts: the caller's own, in the order they were numbered, and marking them read.

The list and the subscription read this one durable store, so a cursor (an alert's number)
resumes either after a disconnect with nothing lost. `Arrivals` lets the fan-out of this process
wake the subscriptions waiting here; those of other processes find new alerts on their next poll.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime

from graph.audit import Principal
from graph.cypher import statement
from graph.executor import Executor, Record
from graph.network import Hop, Link

GET_ALERTS = statement("alerts/get_alerts")
MARK_ALERTS_READ = statement("alerts/mark_alerts_read")
GET_LATEST_SEQ = statement("alerts/get_latest_seq")


@dataclass(frozen=True)
class Alert:
    alert_id: str
    seq: int
    watch_id: str
    event_id: str
    kind: str
    change: str
    subject_sid: str
    ref: str | None
    detail: str | None
    rule_id: str | None
    legal_basis: str | None
    source_sid: str | None
    distance: int
    path_sids: tuple[str, ...]  # from the watched subject to the changed one
    hops: tuple[Hop, ...]  # hops[i] joins path_sids[i] and path_sids[i + 1]
    occurred_at: datetime
    created_at: datetime
    read: bool
    triage: str | None = None  # CONFIRMED or DISMISSED by the owner
    triage_reason: str | None = None
    triaged_at: datetime | None = None

    @classmethod
    def from_row(cls, row: Record) -> Alert:
        return cls(
            alert_id=row["alertId"],
            seq=int(row["seq"]),
            watch_id=row["watchId"],
            event_id=row["eventId"],
            kind=row["kind"],
            change=row["change"],
            subject_sid=row["subjectSid"],
            ref=row["ref"],
            detail=row["detail"],
            rule_id=row["ruleId"],
            legal_basis=row["legalBasis"],
            source_sid=row["sourceSid"],
            distance=int(row["distance"]),
            path_sids=tuple(row["pathSids"]),
            hops=_hops(row["pathJson"]),
            occurred_at=row["occurredAt"],
            created_at=row["createdAt"],
            read=bool(row["read"]),
            triage=row.get("triage"),
            triage_reason=row.get("triageReason"),
            triaged_at=row.get("triagedAt"),
        )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _hops(text: str) -> tuple[Hop, ...]:
    return tuple(
        tuple(
            Link(
                x["role"],
                x["holder"],
                x["organization"],
                _day(x["from"]),
                _day(x["to"]),
                x["ratio"],
            )
            for x in hop
        )
        for hop in json.loads(text)
    )


async def alerts_after(
    executor: Executor, principal: Principal, after: int, *, unread_only: bool, limit: int
) -> list[Alert]:
    """The caller's alerts numbered after `after` (0: from the first), oldest first."""
    rows = await executor.read(
        GET_ALERTS, owner=principal.id, after=after, unreadOnly=unread_only, limit=limit
    )
    return [Alert.from_row(r) for r in rows]


async def mark_read(
    executor: Executor, principal: Principal, ids: Sequence[str], up_to: int
) -> int:
    """Mark the caller's alerts read (those named, or all numbered up to `up_to`)."""
    row = await executor.write_one(MARK_ALERTS_READ, owner=principal.id, ids=list(ids), upTo=up_to)
    return int(row["marked"]) if row else 0


class Arrivals:
    """A broadcast 'new alerts were written' for the subscriptions of this process (each waiter
    has its own future, so no primitive is bound to one event loop)."""

    def __init__(self) -> None:
        self._waiters: set[asyncio.Future[None]] = set()

    def notify(self) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def wait(self, seconds: float) -> None:
        """Return when alerts arrive here, or after `seconds` (then poll the store anyway)."""
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.add(waiter)
        try:
            with suppress(TimeoutError):
                await asyncio.wait_for(waiter, seconds)
        finally:
            self._waiters.discard(waiter)


ARRIVALS = Arrivals()


async def latest_seq(executor: Executor, principal: Principal) -> int:
    """The number of the caller's latest alert (0: none): where a new subscription starts."""
    row = await executor.read_one(GET_LATEST_SEQ, owner=principal.id)
    return int(row["seq"]) if row and row["seq"] is not None else 0
