"""Leases (graph/leases.py) on the real embedded server: one holder at a time, renewal, release,
and expiry (claimed at a later instant instead of waiting for it)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest

from graph.executor import Executor
from graph.leases import Lease, leases

pytestmark = pytest.mark.db


def name() -> str:
    return f"test-{uuid.uuid4().hex[:8]}"


async def test_one_holder_at_a_time_until_release(executor: Executor) -> None:
    worker = name()
    a, b = Lease(executor, worker, holder="a"), Lease(executor, worker, holder="b")
    assert await a.claim()
    assert not await b.claim()
    assert await a.claim()  # renewal
    await a.release()
    assert await b.claim()
    assert not await a.claim()
    held = {r["name"]: r["holder"] for r in await leases(executor)}
    assert held[worker] == "b"


async def test_a_lease_not_renewed_lapses_after_its_ttl(executor: Executor) -> None:
    worker = name()
    a, b = Lease(executor, worker, ttl=5, holder="a"), Lease(executor, worker, holder="b")
    assert await a.claim()
    assert a.held_until is not None
    assert not await b.claim(now=a.held_until - timedelta(milliseconds=1))
    assert await b.claim(now=a.held_until + timedelta(milliseconds=1))
    assert not await a.claim()


async def test_concurrent_claims_grant_exactly_one(executor: Executor) -> None:
    worker = name()
    claimants = [Lease(executor, worker, holder=f"p{i}") for i in range(6)]
    granted = await asyncio.gather(*(c.claim() for c in claimants))
    assert sum(granted) == 1
