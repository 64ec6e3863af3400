"""Watch-lists: a caller follows a subject and what happens up to `radius` hops from it.

A watch belongs to the token's subject (`owner`): investigators and officers see and change only
their own, admins everyone's. Creating and removing one is audited in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from graph import audit
from graph.alerts.events import KINDS
from graph.audit import Principal
from graph.cypher import statement
from graph.errors import BadUserInput, NotFound
from graph.executor import Executor, Record, Tx

CREATE_WATCH = statement("alerts/create_watch")
DELETE_WATCH = statement("alerts/delete_watch")
GET_WATCHES = statement("alerts/get_watches")
COUNT_WATCHES = statement("alerts/count_watches")

MAX_RADIUS = 3
MAX_NOTE = 500


@dataclass(frozen=True)
class Watch:
    watch_id: str
    owner: str
    sid: str
    radius: int
    events: tuple[str, ...]
    note: str | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: Record) -> Watch:
        return cls(
            row["watchId"],
            row["owner"],
            row["sid"],
            int(row["radius"]),
            tuple(row["events"]),
            row["note"],
            row["createdAt"],
        )


def scope(principal: Principal) -> str | None:
    """Whose watches the caller sees and changes: its own, or (an admin) everyone's (None)."""
    return None if principal.role == "admin" else principal.id


def _check(radius: int, events: Sequence[str], note: str | None) -> list[str]:
    if not 0 <= radius <= MAX_RADIUS:
        raise BadUserInput(
            f"radius must be between 0 and {MAX_RADIUS}, got {radius}", field="radius"
        )
    unknown = sorted(set(events) - set(KINDS))
    if unknown:
        raise BadUserInput(f"unknown event kinds {unknown}", field="events")
    if not events:
        raise BadUserInput("a watch follows at least one kind of event", field="events")
    if note is not None and len(note) > MAX_NOTE:
        raise BadUserInput(f"note is longer than {MAX_NOTE} characters", field="note")
    return [k for k in KINDS if k in set(events)]


async def watch(
    executor: Executor,
    principal: Principal,
    sid: str,
    *,
    radius: int,
    events: Sequence[str],
    note: str | None = None,
) -> Watch:
    """Create a watch owned by the caller, audited, in one transaction."""
    kinds = _check(radius, events, note)

    async def work(tx: Tx) -> Watch:
        row = await tx.one(
            CREATE_WATCH,
            watchId=f"W-{uuid.uuid4().hex}",
            owner=principal.id,
            sid=sid,
            radius=radius,
            events=kinds,
            note=note,
            at=datetime.now(UTC),
        )
        if row is None:
            raise NotFound(f"no subject with id {sid}", field="subjectId")
        created = Watch.from_row(row)
        data = {"subjectId": sid, "radius": radius, "events": kinds, "note": note}
        await audit.record_event(tx, principal, "watch", data, [created.watch_id, sid])
        return created

    return await executor.unit(work, name="watch")


async def unwatch(executor: Executor, principal: Principal, watch_id: str) -> str:
    """Remove one of the caller's watches (an admin: any), audited; NOT_FOUND otherwise."""

    async def work(tx: Tx) -> str:
        row = await tx.one(DELETE_WATCH, watchId=watch_id, owner=scope(principal))
        if row is None:
            raise NotFound(f"no watch {watch_id} of yours", field="watchId")
        await audit.record_event(tx, principal, "unwatch", {"watchId": watch_id}, [watch_id])
        return watch_id

    return await executor.unit(work, name="unwatch")


async def page(executor: Executor, principal: Principal, skip: int, limit: int) -> list[Watch]:
    rows = await executor.read(GET_WATCHES, owner=scope(principal), skip=skip, limit=limit)
    return [Watch.from_row(r) for r in rows]


async def count(executor: Executor, principal: Principal) -> int:
    row = await executor.read_one(COUNT_WATCHES, owner=scope(principal))
    return int(row["total"]) if row else 0
