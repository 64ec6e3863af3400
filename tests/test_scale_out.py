"""Scale-out (issue 19): three API processes against one database, every background worker on
in all of them, under a burst of designations, one process killed with SIGKILL while it holds a
lease. Every refresh and every alert is done exactly once: the alerts and the linked-risk
indicators equal those of the same changes served by this single process.

The processes are real (`python -m uvicorn api.app:create_app --factory`), on free ports, with
the session's throwaway graph server; the test waits on observable state (a port answering,
the outboxes empty), each wait bounded by a deadline.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from api.auth import Role, issue_token
from api.settings import Settings
from graph.alerts import fanout, store, watches
from graph.audit import Actor
from graph.cypher import statement
from graph.embedded import ServerInfo, free_port
from graph.executor import Executor
from graph.leases import leases
from graph.risk import refresh
from tests.conftest import GQL, TEST_PASSWORD
from tests.test_propagation import DEBT, A, B, C, D, E, G, H, load_cast

pytestmark = pytest.mark.db

GET_INDICATORS = statement("risk/get_risk_indicators")
PROCESSES = 3
LEASE_TTL = 3.0
DEADLINE = 180.0  # two shared cores, three JVM clients: generous, never reached when it works
SUBJECTS = [A, B, C, D, E, H]
WATCHERS = [
    (Actor("inv-1", "investigator"), G, 3),
    (Actor("inv-2", "investigator"), A, 1),
    (Actor("off-1", "officer"), E, 2),
]
SECRET = "scale-out-test-secret-0123456789abcdef"
DESIGNATE = """mutation($i: DesignationInput!) { designateListEntry(input: $i) { entry { id } } }"""


def decision(subject: str, n: int) -> dict[str, Any]:
    return {
        "listType": "SERIOUS_DISHONESTY",
        "subjectId": subject,
        "authorityId": "PRP-SAMR",
        "decisionNo": f"哈市监信〔2024〕扩{n}号",
        "decisionDate": "2024-06-01",
        "reason": "恶意拖欠货款，情节严重",
        "legalBasis": "《黑龙江省社会信用条例》第二十九条第（四）项",
        "validUntil": "2034-05-31",
        "removalConditions": "履行义务并完成信用修复",
        "remedies": "可依法申请行政复议或者提起行政诉讼",
        "debtResponsibleIds": [DEBT] if subject == A else [],
    }


def environment(server: ServerInfo, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "NEO4J_URI": server.uri,
        "NEO4J_USERNAME": "root",
        "NEO4J_PASSWORD": TEST_PASSWORD,
        "NEO4J_DATABASE": server.database,
        "APP_ENV": "test",
        "CREDITGRAPH_ID_HASH_KEY": "test-hash-key",
        "AUTH_TOKEN_SECRET": SECRET,
        "RISK_REFRESH_INTERVAL": "0.2",
        "ALERT_INTERVAL": "0.2",
        "LEASE_TTL": str(LEASE_TTL),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "LOG_LEVEL": "WARNING",
    }


class Cluster:
    """The API processes, started when the test asks (after its single-process run)."""

    def __init__(self, server: ServerInfo) -> None:
        self.server = server
        self.started: list[tuple[subprocess.Popen[bytes], str]] = []

    def start(self) -> list[tuple[subprocess.Popen[bytes], str]]:
        for _ in range(PROCESSES):
            port = free_port()
            command = [
                *(sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory"),
                *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
            ]
            proc = subprocess.Popen(command, env=environment(self.server, port))
            self.started.append((proc, f"http://127.0.0.1:{port}"))
        return self.started

    def stop(self) -> None:
        for proc, _ in self.started:
            if proc.poll() is None:
                proc.terminate()
        for proc, _ in self.started:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture
def cluster(graph_server: ServerInfo) -> Iterator[Cluster]:
    running = Cluster(graph_server)
    try:
        yield running
    finally:
        running.stop()


async def ready(client: httpx.AsyncClient, urls: list[str]) -> None:
    async with asyncio.timeout(DEADLINE):
        for url in urls:
            while True:
                try:
                    if (await client.get(f"{url}/readyz")).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                await asyncio.sleep(0.1)


async def served(executor: Executor) -> None:
    """Wait until both outboxes are empty (what the workers are for)."""
    async with asyncio.timeout(DEADLINE):
        while True:
            waiting = (await refresh.backlog(executor)).pending
            waiting += (await fanout.backlog(executor)).pending
            if not waiting:
                return
            await asyncio.sleep(0.1)


async def outcome(executor: Executor) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """What the workers made, without generated ids: alerts per watcher, indicators per subject."""
    alerts = []
    for who, sid, radius in WATCHERS:
        for a in await store.alerts_after(executor, who, 0, unread_only=False, limit=1000):
            alerts.append(
                (
                    who.id,
                    sid,
                    radius,
                    a.kind,
                    a.change,
                    a.subject_sid,
                    a.detail,
                    a.distance,
                    a.path_sids,
                )
            )
    everyone = [*SUBJECTS, G]
    rows = await executor.read(GET_INDICATORS, sids=everyone)
    indicators = [(r["sid"], r["indicatorType"], r["sourceSid"], r["distance"]) for r in rows]
    return sorted(alerts), sorted(indicators)


async def prepare(executor: Executor) -> None:
    await load_cast(executor)
    await refresh.drain(executor)
    await fanout.drain(executor)
    for who, sid, radius in WATCHERS:
        await watches.watch(executor, who, sid, radius=radius, events=["LIST_ENTRY", "FLAG"])


async def test_three_processes_serve_every_change_exactly_once(
    executor: Executor,
    graph_server: ServerInfo,
    settings: Settings,
    gql: GQL,
    cluster: Cluster,
) -> None:
    # The same changes served by this one process: the expected outcome.
    await prepare(executor)
    for n, subject in enumerate(SUBJECTS):
        body = await gql(DESIGNATE, {"i": decision(subject, n)})
        assert "errors" not in body, body
    await refresh.drain(executor)
    await fanout.drain(executor)
    expected = await outcome(executor)
    assert expected[0], "the cast must make alerts, or the comparison proves nothing"

    await prepare(executor)
    processes = cluster.start()
    officer = issue_token(
        settings.model_copy(update={"auth_token_secret": SecretStr(SECRET)}),
        Role.OFFICER,
        "officer-1",
    )
    headers = {"authorization": f"Bearer {officer}"}
    urls = [url for _, url in processes]
    async with httpx.AsyncClient(timeout=DEADLINE, headers=headers) as client:
        await ready(client, urls)
        # Half the burst, spread over the three processes; then the process holding a lease is
        # killed without a chance to release it, and the other half must be served by the rest.
        half = len(SUBJECTS) // 2
        await burst(client, urls, range(half))
        killed_at, victim = await kill_a_holder(executor, processes)
        await burst(
            client, [u for (p, u) in processes if p.pid != victim], range(half, len(SUBJECTS))
        )
        await served(executor)
    assert await outcome(executor) == expected
    # Its lease lapsed at its expiry: nothing it held outlives killed_at + ttl.
    for row in await leases(executor):
        if pid_of(row["holder"]) == victim:
            assert row["expiresAt"] <= killed_at + timedelta(seconds=LEASE_TTL + 1)


async def burst(client: httpx.AsyncClient, urls: list[str], numbers: range) -> None:
    """Designate SUBJECTS[n] for each n at once, spread over `urls`; every answer must be OK."""
    answers = await asyncio.gather(
        *(
            client.post(
                f"{urls[n % len(urls)]}/graphql",
                json={"query": DESIGNATE, "variables": {"i": decision(SUBJECTS[n], n)}},
            )
            for n in numbers
        )
    )
    for answer in answers:
        assert answer.status_code == 200, answer.text
        assert "errors" not in answer.json(), answer.text


def pid_of(holder: str) -> int | None:
    parts = holder.split(":")
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None


async def kill_a_holder(
    executor: Executor, processes: list[tuple[subprocess.Popen[bytes], str]]
) -> tuple[datetime, int]:
    pids = {proc.pid: proc for proc, _ in processes}
    async with asyncio.timeout(DEADLINE):
        while True:
            held = [
                r
                for r in await leases(executor)
                if r["name"] in (refresh.LEASE, fanout.LEASE) and pid_of(r["holder"]) in pids
            ]
            if held:
                break
            await asyncio.sleep(0.05)
    pid = pid_of(held[0]["holder"])
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    pids[pid].wait()
    return datetime.now(UTC), pid
