"""The alert fan-out: serve the outbox's events after their commit, one alert per affected watch.

For each event the worker walks, breadth-first from every subject the change touched
(`graph.network.related_parties`), as far as the widest watch following that kind of event asks,
then keeps the watches on the reached subjects whose own radius covers the distance. The alert
keeps the path from the watched subject to the changed one, so it explains itself.

Exactly once per (watch, event): an alert's id is the pair, checked and created in the same
transaction that removes the event. A worker that dies after the commit leaves nothing to redo;
one that dies before it leaves the event, and the retry finds no alert yet. Two workers serving
the same event write the same ids: the unique constraint lets one commit, the other reruns
(the executor's rerun of a conflicting unit), finds the alerts and only removes the event.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from graph.alerts.store import ARRIVALS
from graph.cypher import statement
from graph.errors import Conflict, LimitExceeded, NotFound, Unavailable
from graph.executor import Executor, Record, Tx
from graph.leases import DEFAULT_TTL, Lease, running
from graph.network import Hop, Reached, related_parties

GET_EVENTS = statement("alerts/get_events")
COUNT_EVENTS = statement("alerts/count_events")
GET_WATCH_REACH = statement("alerts/get_watch_reach")
GET_WATCHES_ON = statement("alerts/get_watches_on")
GET_EXISTING_ALERTS = statement("alerts/get_existing_alerts")
TAKE_ALERT_NUMBERS = statement("alerts/take_alert_numbers")
CREATE_ALERTS = statement("alerts/create_alerts")
DELETE_EVENTS = statement("alerts/delete_events")

LEASE = "alert-fanout"
EVENTS_PER_ROUND = 100
CONFLICT_RERUNS = 3
MAX_WALK = 50_000  # subjects one event's walk may reach (a group head's network: ~5,000)

log = logging.getLogger(__name__)


@dataclass
class Served:
    events: int = 0
    alerts: int = 0
    too_wide: list[str] | None = None  # events whose network exceeded MAX_WALK (logged)


@dataclass(frozen=True)
class Backlog:
    pending: int
    oldest: datetime | None


async def backlog(executor: Executor) -> Backlog:
    row = await executor.read_one(COUNT_EVENTS)
    if row is None or not row["pending"]:
        return Backlog(0, None)
    return Backlog(int(row["pending"]), row["oldest"])


def _hops_json(hops: Sequence[Hop]) -> str:
    def iso(d: date | None) -> str | None:
        return d.isoformat() if d is not None else None

    return json.dumps(
        [
            [
                {
                    "role": link.role,
                    "holder": link.holder,
                    "organization": link.organization,
                    "from": iso(link.start),
                    "to": iso(link.end),
                    "ratio": link.ratio,
                }
                for link in hop
            ]
            for hop in hops
        ],
        ensure_ascii=False,
    )


class Walks:
    """The walks of one round, by start subject: the events of one change start from the same
    subjects (an entry on a company, flags on its legal representative one hop away), so each
    start is walked once per round, to the widest radius asked, and narrower asks filter it."""

    def __init__(self, executor: Executor) -> None:
        self.executor = executor
        self._done: dict[str, tuple[int, list[Reached]]] = {}

    async def around(self, sid: str, radius: int) -> list[Reached]:
        """Subjects within `radius` of `sid`, itself included at distance 0."""
        known = self._done.get(sid)
        if known is None or known[0] < radius:
            itself = {"sid": sid}
            walk = [Reached(itself, 0, (itself,), ())]
            if radius > 0:
                try:
                    related = await related_parties(
                        self.executor, sid, max_depth=radius, count=True, max_nodes=MAX_WALK
                    )
                    walk += related.reached
                except NotFound:
                    walk = []  # the subject is gone (a removed import row): nobody watches it
            known = (radius, walk)
            self._done[sid] = known
        return [r for r in known[1] if r.distance <= radius]

    async def reach(self, starts: Sequence[str], radius: int) -> dict[str, Reached]:
        """Every subject within `radius` of any start, with a shortest path from the nearest."""
        found: dict[str, Reached] = {}
        for sid in dict.fromkeys(starts):
            for r in await self.around(sid, radius):
                known = found.get(r.node["sid"])
                if known is None or known.distance > r.distance:
                    found[r.node["sid"]] = r
        return found


async def _alerts_for(
    executor: Executor, event: Record, radius: int, walks: Walks | None = None
) -> list[dict[str, Any]]:
    """The alerts one event makes: one per watch following its kind whose radius reaches it."""
    reached = await (walks or Walks(executor)).reach(event["sids"], radius)
    watches = await executor.read(GET_WATCHES_ON, sids=sorted(reached), kind=event["kind"])
    alerts = []
    for w in watches:
        hit = reached[w["sid"]]
        if hit.distance > int(w["radius"]):
            continue
        # The walk ran from the changed subject; the alert reads from the watched one.
        path = [n["sid"] for n in reversed(hit.nodes)]
        alerts.append(
            {
                "alertId": f"{w['watchId']}|{event['eventId']}",
                "watchId": w["watchId"],
                "owner": w["owner"],
                "eventId": event["eventId"],
                "kind": event["kind"],
                "change": event["change"],
                "subjectSid": event["subjectSid"],
                "ref": event["ref"],
                "detail": event["detail"],
                "ruleId": event["ruleId"],
                "legalBasis": event["legalBasis"],
                "sourceSid": event["sourceSid"],
                "distance": hit.distance,
                "pathSids": path,
                "pathJson": _hops_json(list(reversed(hit.hops))),
                "occurredAt": event["at"],
            }
        )
    return alerts


async def serve_round(executor: Executor, served: Served | None = None) -> Served:
    """Serve up to EVENTS_PER_ROUND of the oldest events: their alerts and their removal commit
    together, in one transaction."""
    served = served or Served()
    events = await executor.read(GET_EVENTS, limit=EVENTS_PER_ROUND)
    if not events:
        return served
    reach = {r["kind"]: int(r["radius"]) for r in await executor.read(GET_WATCH_REACH)}
    planned: list[dict[str, Any]] = []
    walks = Walks(executor)
    for event in events:
        radius = reach.get(event["kind"])
        if radius is None:
            continue  # nobody follows this kind of event
        try:
            planned += await _alerts_for(executor, event, radius, walks)
        except LimitExceeded:
            log.error("alert event %s: its network is too wide to walk", event["eventId"])
            served.too_wide = [*(served.too_wide or []), event["eventId"]]
    ids = [e["eventId"] for e in events]

    async def write(tx: Tx) -> int:
        existing = {
            r["alertId"]
            for r in await tx.run(GET_EXISTING_ALERTS, ids=[a["alertId"] for a in planned])
        }
        fresh = [a for a in planned if a["alertId"] not in existing]
        if fresh:
            row = await tx.one(TAKE_ALERT_NUMBERS, n=len(fresh))
            assert row is not None
            first = int(row["last"]) - len(fresh) + 1
            numbered = [{**a, "seq": first + i} for i, a in enumerate(fresh)]
            await tx.run(CREATE_ALERTS, alerts=numbered, at=datetime.now(UTC))
        await tx.run(DELETE_EVENTS, ids=ids)
        return len(fresh)

    for attempt in range(CONFLICT_RERUNS + 1):
        try:
            written = await executor.unit(write, name="alerts.fanout")
            served.alerts += written
            if written:
                ARRIVALS.notify()  # the subscriptions of this process read them at once
            break
        except Conflict:
            # Another worker committed some of these alerts first (same ids): run again, the
            # alerts it wrote are found and skipped.
            if attempt == CONFLICT_RERUNS:
                raise
    served.events += len(events)
    return served


async def drain(executor: Executor, *, keep: Callable[[], Awaitable[bool]] | None = None) -> Served:
    """Serve every waiting event (the command line, tests, the end of an import). `keep` (a
    worker renewing its lease) is asked before each round; False stops there."""
    served = Served()
    while keep is None or await keep():
        before = served.events
        await serve_round(executor, served)
        if served.events == before:
            return served
    return served


class AlertWorker:
    """Serves the outbox in the API process every `interval` seconds; `wake` serves at once (a
    mutation of this process that wrote events need not wait for the next tick). Every API
    process runs one; the `alert-fanout` lease (graph/leases.py) lets one at a time serve."""

    def __init__(self, executor: Executor, interval: float, lease_ttl: float = DEFAULT_TTL) -> None:
        self.executor = executor
        self.interval = interval
        self.lease = Lease(executor, LEASE, ttl=max(lease_ttl, 3 * interval))
        self.last_backlog: Backlog | None = None
        self.checked_at: float | None = None
        self.failures = 0
        self._wake = asyncio.Event()

    def wake(self) -> None:
        self._wake.set()

    async def run(self) -> None:
        while True:
            with suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.interval)
            self._wake.clear()
            try:
                self.last_backlog = await backlog(self.executor)
                self.checked_at = time.time()
                if self.last_backlog.pending and await self.lease.claim():
                    served = await drain(self.executor, keep=self.lease.claim)
                    if served.alerts:
                        log.info("alerts: %d events, %d alerts", served.events, served.alerts)
            except Unavailable as exc:
                self.failures += 1
                log.warning("alert fan-out waits for the database: %s", exc.message)
            except Exception:
                self.failures += 1
                log.exception("alert fan-out failed; its events stay for the next round")


@asynccontextmanager
async def alert_worker(
    executor: Executor, interval: float, lease_ttl: float = DEFAULT_TTL
) -> AsyncIterator[AlertWorker | None]:
    """Run an `AlertWorker` for the duration of the block; `interval` 0 runs none."""
    if interval <= 0:
        yield None
        return
    async with running(AlertWorker(executor, interval, lease_ttl), "alert-fanout") as worker:
        yield worker
