"""Leases: which process runs a background worker now, so any number of API processes can run
with their workers on.

A worker claims its lease (a `:Lease {name}` node: holder, expiry) in one transaction before each
round and keeps renewing it while it works; a lease not renewed lapses after `ttl` seconds, so a
process killed with `kill -9` holds nothing for longer than that, and another takes over. A
worker that stops releases its lease at once. Times are the claiming process's clock: replicas
keep their clocks in step (NTP), and the ttl is seconds, skew milliseconds.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol, TypeVar

from graph.cypher import statement
from graph.errors import Conflict
from graph.executor import Executor, Record

CLAIM = statement("leases/claim_lease")
RELEASE = statement("leases/release_lease")
GET_LEASES = statement("leases/get_leases")

DEFAULT_TTL = 15.0


def process_id() -> str:
    """This process, as a lease holder: host, pid and a random part (pids are reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


HOLDER = process_id()


@dataclass
class Lease:
    """One worker's lease, as this process sees it."""

    executor: Executor
    name: str
    ttl: float = DEFAULT_TTL
    holder: str = HOLDER
    held_until: datetime | None = field(default=None, init=False)

    async def claim(self, now: datetime | None = None) -> bool:
        """Take the lease, or renew it if it is ours; False while another process holds it.
        `now` is for tests that claim at a later instant instead of waiting for it."""
        now = now or datetime.now(UTC)
        try:
            row = await self.executor.write_one(
                CLAIM,
                name=self.name,
                holder=self.holder,
                now=now,
                until=now + timedelta(seconds=self.ttl),
            )
        except Conflict:  # another process created the lease in the same instant
            row = None
        self.held_until = row["expiresAt"] if row is not None else None
        return row is not None

    async def release(self) -> None:
        """Give the lease back if it is ours."""
        if self.held_until is not None:
            await self.executor.write(
                RELEASE, name=self.name, holder=self.holder, now=datetime.now(UTC)
            )
            self.held_until = None


async def leases(executor: Executor) -> list[Record]:
    return await executor.read(GET_LEASES)


class LeasedWorker(Protocol):
    lease: Lease

    async def run(self) -> None: ...


W = TypeVar("W", bound=LeasedWorker)


@asynccontextmanager
async def running(worker: W, name: str) -> AsyncIterator[W]:
    """Run a leased worker's loop as a task for the duration of the block; on the way out stop
    it and give its lease back, so another process takes over at once."""
    task = asyncio.create_task(worker.run(), name=name)
    try:
        yield worker
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
        with suppress(Exception):  # a database already gone: the lease lapses by itself
            await worker.lease.release()
