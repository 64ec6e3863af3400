"""The alert fan-out: serve the outbox's events after their commit, one alert per affected watch.

For each event the worker walks, breadth-first from every subject the change touched
(`graph.network.ball`: ids only, the same distances and paths as `related_parties`), as far as
the widest watch following that kind of event asks, the outermost step keeping only watched
subjects, and never through a holder of the kinds linked risk excludes (NOT_THROUGH: the
state-asset administration controlling every SOE of a province puts them all within two hops
of each other, which makes no related party, as for linked risk); then it keeps the watches
on the reached subjects whose own radius covers the distance. The alert keeps the path from
the watched subject to the changed one, so it explains itself. A round commits what it has
after ROUND_SECONDS of walking: a group's wide network does not hold back the alerts of the
events before it. An event whose walk turns out too wide (MAX_WALK; a hub's relations are not
even fetched, `graph.network.ball`'s cap) is deferred behind every other waiting event and then
served within the widest radius that can be walked, so it holds back none behind it either.

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
from graph.errors import Conflict, LimitExceeded, Unavailable
from graph.executor import Executor, Record, Tx
from graph.leases import DEFAULT_TTL, Lease, running
from graph.network import Ball, Hop, ball
from graph.risk.schemes import SCHEMES

GET_EVENTS = statement("alerts/get_events")
COUNT_EVENTS = statement("alerts/count_events")
GET_WATCH_REACH = statement("alerts/get_watch_reach")
GET_WATCHES_ON = statement("alerts/get_watches_on")
EXPAND_WATCHED_EDGES = statement("alerts/expand_watched_edges")
GET_EXISTING_ALERTS = statement("alerts/get_existing_alerts")
TAKE_ALERT_NUMBERS = statement("alerts/take_alert_numbers")
CREATE_ALERTS = statement("alerts/create_alerts")
DELETE_EVENTS = statement("alerts/delete_events")
DEFER_EVENTS = statement("alerts/defer_events")

LEASE = "alert-fanout"
EVENTS_PER_ROUND = 100
ROUND_SECONDS = 0.5  # walking time after which a round commits what it has (alert latency)
CONFLICT_RERUNS = 3
MAX_WALK = 50_000  # subjects one event's walk may reach (a group head's network: ~5,000)
TOO_WIDE_SECONDS = 300.0  # how long a worker remembers a start too wide to walk (TooWide)
# Kinds of subject a walk reaches but does not pass through (schemes.yaml
# linked_risk.excluded_holder_kinds): at 1M enterprises, through the state-asset administration
# every SOE had 280,000 subjects within three hops (BENCHMARKS.md, alerts).
NOT_THROUGH = frozenset(SCHEMES.linked_risk.excluded_holder_kinds)

log = logging.getLogger(__name__)


@dataclass
class Served:
    events: int = 0
    alerts: int = 0
    deferred: int = 0  # events found too wide, left for after the others
    too_wide: list[str] | None = None  # events served at a narrower radius (logged)


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


class TooWide(dict[str, int]):
    """Start → the narrowest radius its walk was found too wide at, kept by a worker across
    rounds for TOO_WIDE_SECONDS: a hub (the state-asset administration, flagged as the actual
    controller of each listed SOE) starts many events, and finding it too wide costs seconds.
    Within that time its events are deferred and served narrower at once."""

    def __init__(self) -> None:
        super().__init__()
        self.until = time.monotonic() + TOO_WIDE_SECONDS

    def expire(self) -> None:
        if time.monotonic() > self.until:
            self.clear()
            self.until = time.monotonic() + TOO_WIDE_SECONDS


class Walks:
    """The walks of one round, by start subject: the events of one change start from the same
    subjects (an entry on a company, flags on its legal representative one hop away), so each
    start is walked once per round, to the widest radius asked, and narrower asks filter it.
    Walks keep ids only (`graph.network.ball`): a radius-3 walk around a group reaches
    thousands of subjects, of which the alerts need the few that are watched."""

    def __init__(self, executor: Executor, too_wide: TooWide | None = None) -> None:
        self.executor = executor
        self._done: dict[str, Ball] = {}
        self._too_wide = too_wide if too_wide is not None else TooWide()

    def known(self, starts: Sequence[str], radius: int, *, wide: bool = False) -> bool:
        """Whether serving an event from `starts` costs no walk: each start's walk to `radius`
        is done or known too wide; for an event deferred as `wide` (served narrower), the widest
        walk that can be done is."""

        def ready(sid: str) -> bool:
            done = self._done[sid].radius if sid in self._done else -1
            failed = self._too_wide.get(sid, radius + 1)
            if wide:
                return done >= radius - 1 or (done >= 0 and failed == done + 1)
            return done >= radius or failed <= radius

        return all(ready(sid) for sid in starts)

    async def around(self, sid: str, radius: int) -> Ball:
        """Subjects within `radius` of `sid`, itself included at distance 0."""
        known = self._done.get(sid)
        if known is None or known.radius < radius:
            if self._too_wide.get(sid, radius + 1) <= radius:
                raise LimitExceeded(f"the network of {sid} is too wide to walk", limit=MAX_WALK)
            try:
                known = await ball(
                    self.executor,
                    sid,
                    radius,
                    max_nodes=MAX_WALK,
                    last=EXPAND_WATCHED_EDGES,
                    not_through=NOT_THROUGH,
                )
            except LimitExceeded:
                self._too_wide[sid] = radius
                raise
            self._done[sid] = known
        return known

    async def reach(self, starts: Sequence[str], radius: int) -> dict[str, tuple[int, Ball]]:
        """Every subject within `radius` of any start: its distance and the walk of the
        nearest start, which holds a shortest path to it."""
        found: dict[str, tuple[int, Ball]] = {}
        for sid in dict.fromkeys(starts):
            walk = await self.around(sid, radius)
            for near, d in walk.distance.items():
                if d <= radius and (near not in found or found[near][0] > d):
                    found[near] = (d, walk)
        return found

    def reached(self) -> int:
        return sum(len(w.distance) for w in self._done.values())


async def _alerts_for(
    executor: Executor, event: Record, radius: int, walks: Walks | None = None
) -> list[dict[str, Any]]:
    """The alerts one event makes: one per watch following its kind whose radius reaches it."""
    reached = await (walks or Walks(executor)).reach(event["sids"], radius)
    watches = await executor.read(GET_WATCHES_ON, sids=sorted(reached), kind=event["kind"])
    alerts = []
    for w in watches:
        distance, walk = reached[w["sid"]]
        if distance > int(w["radius"]):
            continue
        # The walk ran from the changed subject; the alert reads from the watched one.
        ids, hops = walk.route(w["sid"])
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
                "distance": distance,
                "pathSids": ids[::-1],
                "pathJson": _hops_json(hops[::-1]),
                "occurredAt": event["at"],
            }
        )
    return alerts


async def _narrower(
    executor: Executor, event: Record, radius: int, walks: Walks
) -> list[dict[str, Any]]:
    """An event whose network within `radius` is too wide to walk still alerts the watches
    within the widest radius that can be walked (the subject's own watches always)."""
    for narrower in range(radius - 1, -1, -1):
        try:
            found = await _alerts_for(executor, event, narrower, walks)
        except LimitExceeded:
            continue
        log.error(
            "alert event %s: its network within %d hops is too wide to walk (over %d "
            "subjects); watches within %d hops served",
            event["eventId"],
            radius,
            MAX_WALK,
            narrower,
        )
        return found
    return []


async def serve_round(
    executor: Executor, served: Served | None = None, too_wide: TooWide | None = None
) -> Served:
    """Serve up to EVENTS_PER_ROUND of the oldest events, fewer once their walks took
    ROUND_SECONDS (events whose walks are done or known too wide cost none and still join):
    their alerts and their removal commit together, in one transaction."""
    served = served or Served()
    events = await executor.read(GET_EVENTS, limit=EVENTS_PER_ROUND)
    if not events:
        return served
    reach = {r["kind"]: int(r["radius"]) for r in await executor.read(GET_WATCH_REACH)}
    planned: list[dict[str, Any]] = []
    if too_wide is not None:
        too_wide.expire()
    walks = Walks(executor, too_wide)
    ids: list[str] = []
    deferred: list[str] = []
    started = time.perf_counter()
    for event in events:
        radius = reach.get(event["kind"])
        if (
            (ids or deferred)
            and time.perf_counter() - started > ROUND_SECONDS
            and not (radius is None or walks.known(event["sids"], radius, wide=event["wide"]))
        ):
            break  # commit what is walked: the alerts already found need not wait for the rest
        if radius is None:
            ids.append(event["eventId"])
            continue  # nobody follows this kind of event
        if event["wide"]:  # deferred by an earlier round: served within what can be walked
            planned += await _narrower(executor, event, radius, walks)
            served.too_wide = [*(served.too_wide or []), event["eventId"]]
        else:
            try:
                planned += await _alerts_for(executor, event, radius, walks)
            except LimitExceeded:
                deferred.append(event["eventId"])  # served after the others (get_events)
                continue
        ids.append(event["eventId"])
    walked = time.perf_counter()

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
        if deferred:
            await tx.run(DEFER_EVENTS, ids=deferred)
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
    served.events += len(ids)
    served.deferred += len(deferred)
    log.debug(
        "alert round: %d events, %d subjects walked in %.0f ms, %d alerts",
        len(ids),
        walks.reached(),
        (walked - started) * 1000,
        len(planned),
    )
    return served


async def drain(
    executor: Executor,
    *,
    keep: Callable[[], Awaitable[bool]] | None = None,
    too_wide: TooWide | None = None,
) -> Served:
    """Serve every waiting event (the command line, tests, the end of an import). `keep` (a
    worker renewing its lease) is asked before each round; False stops there."""
    served = Served()
    too_wide = too_wide if too_wide is not None else TooWide()
    while keep is None or await keep():
        before = served.events + served.deferred
        await serve_round(executor, served, too_wide)
        if served.events + served.deferred == before:
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
        self.too_wide = TooWide()
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
                    served = await drain(
                        self.executor, keep=self.lease.claim, too_wide=self.too_wide
                    )
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
