"""The linked-risk refresh outbox and the worker that serves it.

A listing, a repair, a grade-changing record or a role change can move indicators on hundreds of
organisations (a group head shares its legal representative with every subsidiary). Indicators are
analytics (DOMAIN.md §7.3), so the change does not wait for them: it writes a refresh request
(`:RiskRefresh {sid}`) in its own transaction, and `drain` replaces the indicators around it soon
after, a bounded number of targets per transaction. The request is durable: a crash between the
change and the refresh leaves it for the next drain. The API runs a `RefreshWorker`;
`creditgraph analytics refresh` drains from the command line, and an import drains at its end.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from graph.cypher import statement
from graph.errors import Unavailable
from graph.executor import Executor, Tx
from graph.leases import DEFAULT_TTL, Lease, running
from graph.risk.linked import affected_targets, refresh_targets
from graph.risk.progress import Progress, batched

log = logging.getLogger(__name__)

REQUEST = statement("risk/merge_refresh_requests")
GET_REQUESTS = statement("risk/get_refresh_requests")
DELETE_REQUESTS = statement("risk/delete_refresh_requests")
COUNT_REQUESTS = statement("risk/count_refresh_requests")
REQUESTS_PER_ROUND = 200
LEASE = "linked-risk-refresh"
TARGETS_PER_TX = 100  # bounds a refresh transaction's time and memory (a group head: ~500 targets)


async def request_refresh(tx: Tx, sids: Sequence[str]) -> None:
    """Ask, inside the change's transaction, for the indicators around these subjects."""
    if sids:
        await tx.run(REQUEST, sids=sorted(set(sids)), at=datetime.now(UTC), token=uuid.uuid4().hex)


@dataclass
class Drained:
    requests: int = 0
    targets: int = 0
    indicators: int = 0
    skipped: list[str] = field(default_factory=list)  # targets too heavy for one transaction


@dataclass(frozen=True)
class Backlog:
    pending: int
    oldest: datetime | None


async def backlog(executor: Executor) -> Backlog:
    """How many refresh requests wait, and since when."""
    row = await executor.read_one(COUNT_REQUESTS)
    if row is None or not row["pending"]:
        return Backlog(0, None)
    return Backlog(int(row["pending"]), row["oldest"])


async def drain(
    executor: Executor,
    *,
    as_of: date | None = None,
    progress: bool = False,
    keep: Callable[[], Awaitable[bool]] | None = None,
) -> Drained:
    """Serve every pending request, oldest first, until none is left. Each target's indicators
    are replaced whole in one transaction; a request is removed once its targets are done, so a
    failure part-way leaves it for the next drain. `keep` (a worker renewing its lease) is asked
    before each round; False stops the drain there."""
    done = Drained()
    with Progress("linked-risk refresh", None, enabled=progress) as bar:
        while requests := await executor.read(GET_REQUESTS, limit=REQUESTS_PER_ROUND):
            if keep is not None and not await keep():
                break
            sids = [r["sid"] for r in requests]

            async def affected(tx: Tx, sids: list[str] = sids) -> list[str]:
                return await affected_targets(tx, sids)

            targets = await executor.unit(affected, write=False, name="risk.refresh.affected")
            for chunk in batched(targets, TARGETS_PER_TX):
                await _refresh(executor, chunk, as_of, done)
                bar.update(len(chunk))
            await executor.write(
                DELETE_REQUESTS, requests=[{"sid": r["sid"], "token": r["token"]} for r in requests]
            )
            done.requests += len(requests)
            done.targets += len(targets)
    return done


async def _refresh(executor: Executor, chunk: list[str], as_of: date | None, done: Drained) -> None:
    """Refresh one chunk of targets in one transaction. A chunk that fails while the database
    still answers (too heavy for the query timeout: targets around a hub on a large graph)
    is split in halves; a single target that still fails is skipped and logged, so one target
    cannot stall the queue (a full `analytics linked-risk` recomputation covers it). When the
    database does not answer, the failure is raised and every request stays."""

    async def refresh(tx: Tx) -> int:
        return await refresh_targets(tx, chunk, as_of)

    try:
        done.indicators += await executor.unit(refresh, name="risk.refresh.targets")
        return
    except Unavailable:
        await executor.ping()  # raises when the database is down: nothing is skipped then
    if len(chunk) == 1:
        log.error("linked-risk refresh skipped %s: too heavy for one transaction", chunk[0])
        done.skipped.append(chunk[0])
        return
    half = len(chunk) // 2
    await _refresh(executor, chunk[:half], as_of, done)
    await _refresh(executor, chunk[half:], as_of, done)


class RefreshWorker:
    """Drains the outbox in the API process every `interval` seconds, while it holds the
    `linked-risk-refresh` lease (graph/leases.py): every API process runs one, and one at a time
    drains, so no two write the same target. The lease is renewed before each drain round.

    Each round first counts the backlog (one small read, instead of the drain's first read
    when nothing waits) and keeps what it saw, with the time and the failed rounds so far,
    for the metrics (api/observability/metrics.py) to read without querying the database."""

    def __init__(self, executor: Executor, interval: float, lease_ttl: float = DEFAULT_TTL) -> None:
        self.executor = executor
        self.interval = interval
        self.lease = Lease(executor, LEASE, ttl=max(lease_ttl, 3 * interval))
        self.last_backlog: Backlog | None = None
        self.checked_at: float | None = None  # Unix time of the last count
        self.failures = 0

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                self.last_backlog = await backlog(self.executor)
                self.checked_at = time.time()
                if not self.last_backlog.pending or not await self.lease.claim():
                    continue
                done = await drain(self.executor, keep=self.lease.claim)
            except Unavailable as exc:
                self.failures += 1
                log.warning("linked-risk refresh waits for the database: %s", exc.message)
            except Exception:
                self.failures += 1
                log.exception("linked-risk refresh failed; its requests stay for the next round")
            else:
                if done.requests:
                    log.info(
                        "linked-risk refresh: %d requests, %d targets, %d indicators",
                        done.requests,
                        done.targets,
                        done.indicators,
                    )


@asynccontextmanager
async def refresh_worker(
    executor: Executor, interval: float, lease_ttl: float = DEFAULT_TTL
) -> AsyncIterator[RefreshWorker | None]:
    """Run a `RefreshWorker` for the duration of the block; `interval` 0 runs none."""
    if interval <= 0:
        yield None
        return
    async with running(
        RefreshWorker(executor, interval, lease_ttl), "linked-risk-refresh"
    ) as worker:
        yield worker
