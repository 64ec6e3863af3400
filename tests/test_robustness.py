"""Robustness: the database going away and coming back, and `kill -9` in a large designation.

Every test here runs its own throwaway embedded server (a temp dir, free loopback ports), never
the session server the other tests share, because it stops or kills it.

* Outage: the service answers `/readyz` with 503 within the connect timeout and GraphQL with
  UNAVAILABLE within the query timeout while the database is down, and the same app instance
  answers again once the database is back: the driver reconnects, nothing is restarted.
* Crash: a designation of many decisions with propagation is one transaction. The database is
  killed with SIGKILL (1) while that transaction holds uncommitted writes (the unit waits at a
  barrier once the server has answered its person-records statement, so nothing can have
  committed) and (2) just after the unit of work returned, while the driver commits. No step
  waits a fixed time: each waits for an event (the barrier reached, the unit returned, the
  killed JVM reaped). After each restart the graph holds all of the designation or none of
  it, and no flag has lost its source or target.
"""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import time
from collections.abc import AsyncIterator, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.auth import Role, issue_token
from api.database import connect
from api.settings import Settings
from graph.audit import Actor
from graph.cypher import Statement, statement
from graph.embedded import EmbeddedServer, ServerInfo, free_port
from graph.executor import Executor, Record, Tx
from graph.identifiers import person_key
from graph.importer import import_rows
from graph.migrate import migrate
from graph.propagation.engine import MERGE_PERSON_RECORDS
from graph.sanctions import designation
from graph.sanctions.inputs import DesignationIn
from seeds.codes import make_citizen_id, make_uscc, new_org_code

pytestmark = pytest.mark.db

PASSWORD = "robustness-test-pw"
KEY = b"robustness-hash-key"
CONNECT_TIMEOUT = 1.0  # NEO4J_CONNECT_TIMEOUT: bounds /readyz
QUERY_TIMEOUT = 3.0  # NEO4J_QUERY_TIMEOUT: bounds a GraphQL request
# The bounds tell "the timeout ended it" from "the driver retried for its default 30 s", with room
# for HTTP, GraphQL and scheduling on a busy, shared two-core machine (CI runs other jobs on it).
SLACK = 4.0
COUNT_WRITES = statement("sanctions/count_designation_writes")

USCC = "91230100MA1PRA0102"
UPSERT = (
    """mutation($i: EnterpriseInput!) { upsertEnterprise(input: $i) { enterprise { uscc } } }"""
)
CARD = """query($u: String!) { enterprise(uscc: $u) { uscc name } }"""

ENTERPRISES = 300  # decisions in the one designation transaction
TODAY = date(2026, 11, 22)
DECIDED = date(2026, 10, 9)
AUTHORITY = "ROB-SAMR"
COMMIT_DELAY = 0.1  # s after the unit of work returns: the driver is committing


def own_server(path: Path, database: str) -> EmbeddedServer:
    return EmbeddedServer(
        path,
        database=database,
        bolt_port=free_port(),
        http_port=free_port(),
        heap="1g",
        password=PASSWORD,
    )


@pytest.fixture
def server(tmp_path: Path) -> Iterator[EmbeddedServer]:
    srv = own_server(tmp_path / "graphdb", "robustness")
    srv.start(attached=True)
    try:
        yield srv
    finally:
        srv.stop()


def settings_for(info: ServerInfo) -> Settings:
    values: dict[str, Any] = {
        "NEO4J_URI": info.uri,
        "NEO4J_USERNAME": "root",
        "NEO4J_PASSWORD": PASSWORD,
        "NEO4J_DATABASE": info.database,
        "NEO4J_CONNECT_TIMEOUT": CONNECT_TIMEOUT,
        "NEO4J_QUERY_TIMEOUT": QUERY_TIMEOUT,
        "APP_ENV": "test",
        "CREDITGRAPH_ID_HASH_KEY": KEY.decode(),
    }
    return Settings(_env_file=None, **values)


def info_of(server: EmbeddedServer) -> ServerInfo:
    info = server.running()
    assert info is not None
    return info


# -- outage and recovery ---------------------------------------------------------------------


async def timed_post(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any], **headers: str
) -> tuple[float, dict[str, Any]]:
    started = time.monotonic()
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    body: dict[str, Any] = response.json()
    return time.monotonic() - started, body


# The driver drops the sockets of connections the stopped database broke without closing
# them; they are finalised here (below), not in whichever test the collector next runs in.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
async def test_database_outage_is_unavailable_in_time_and_the_same_app_recovers(
    server: EmbeddedServer,
) -> None:
    settings = settings_for(info_of(server))
    officer = issue_token(settings, Role.OFFICER, "robustness")
    app = create_app(settings)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as client,
    ):
        _, body = await timed_post(
            client,
            UPSERT,
            {"i": {"uscc": USCC, "name": "甲食品有限公司"}},
            Authorization=f"Bearer {officer}",
        )
        assert "errors" not in body, body
        _, body = await timed_post(client, CARD, {"u": USCC})
        assert body["data"]["enterprise"]["name"] == "甲食品有限公司"

        assert server.stop()  # SIGTERM: the JVM goes away, the app keeps running

        started = time.monotonic()
        ready = await client.get("/readyz")
        elapsed = time.monotonic() - started
        assert ready.status_code == 503, ready.text
        assert ready.json()["status"] == "unavailable"
        assert elapsed < CONNECT_TIMEOUT + SLACK, f"/readyz took {elapsed:.1f} s"

        elapsed, body = await timed_post(client, CARD, {"u": USCC})
        assert body.get("data") == {"enterprise": None}, body  # a nullable lookup, no data
        assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAVAILABLE"], body
        assert settings.neo4j_uri is not None
        assert settings.neo4j_uri in body["errors"][0]["message"]
        assert elapsed < QUERY_TIMEOUT + SLACK, f"the query took {elapsed:.1f} s"

        server.start(attached=True)  # same directory, same ports; the app is not touched

        ready = await client.get("/readyz")
        assert ready.status_code == 200, ready.text
        _, body = await timed_post(client, CARD, {"u": USCC})
        assert "errors" not in body, body
        assert body["data"]["enterprise"] == {"uscc": USCC, "name": "甲食品有限公司"}
    gc.collect()


# -- kill -9 during a large designation ------------------------------------------------------


def city_rows(n: int) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """An authority and `n` enterprises, each with a legal representative (import format)."""
    yield "city", 1, {"kind": "authority", "authorityId": AUTHORITY, "name": "市场监督管理局"}
    for i in range(n):
        uscc = make_uscc("9", "1", "230100", new_org_code(10_000 + i))
        born = (date(1960, 1, 1) + timedelta(days=i)).strftime("%Y%m%d")
        id_number = make_citizen_id("230100", born, 1 + i % 999)
        yield "city", 0, {"kind": "organization", "uscc": uscc, "name": f"测试{i}有限公司"}
        yield "city", 0, {"kind": "person", "idNumber": id_number, "name": f"张{i}"}
        yield (
            "city",
            0,
            {
                "kind": "role",
                "role": "LEGAL_REPRESENTATIVE_OF",
                "holderIdNumber": id_number,
                "uscc": uscc,
                "from": "2015-01-01",
            },
        )


def decisions(rows: list[dict[str, Any]]) -> list[DesignationIn]:
    """One serious-list decision per enterprise; every fifth names its representative as
    directly responsible for the debt."""
    usccs = [r["uscc"] for r in rows if r["kind"] == "organization"]
    people = [person_key(r["idNumber"], KEY).pid for r in rows if r["kind"] == "person"]
    return [
        DesignationIn(
            entryId=f"ROB-{i:05d}",
            listType="SERIOUS_DISHONESTY",
            subjectId=uscc,
            authorityId=AUTHORITY,
            decisionNo=f"哈市监信〔2026〕{i}号",
            decisionDate=DECIDED,
            reason="恶意拖欠货款，情节严重",
            legalBasis="《黑龙江省社会信用条例》第二十九条",
            validUntil=DECIDED + timedelta(days=3 * 365),
            removalConditions="履行义务并完成信用修复",
            remedies="可依法申请行政复议或者提起行政诉讼",
            debtResponsibleIds=(people[i],) if i % 5 == 0 else (),
        )
        for i, uscc in enumerate(usccs)
    ]


class Held(Tx):
    """The unit's transaction, held open at a barrier once a given statement has been answered
    (instrumentation only: every statement still runs in the real transaction). `written` is
    set when the server has executed that statement inside the open transaction; the unit then
    waits on `release`, which the test never sets: the kill comes while the transaction holds
    uncommitted writes, an observable state rather than a guess about how long a statement runs."""

    def __init__(self, watch: Statement) -> None:
        self.inner: Tx | None = None  # the transaction of the unit's current attempt
        self.watch = watch
        self.written = asyncio.Event()
        self.release = asyncio.Event()

    async def run(self, stmt: Statement, **params: Any) -> list[Record]:
        assert self.inner is not None
        records = await self.inner.run(stmt, **params)
        if stmt is self.watch:
            self.written.set()
            await self.release.wait()
        return records


def kill_9(server: EmbeddedServer) -> None:
    assert server.process is not None
    os.kill(server.process.pid, signal.SIGKILL)


async def reap(server: EmbeddedServer, task: asyncio.Task[Any]) -> Any:
    """Wait for the killed JVM, then stop the unit (so its retries cannot reach the restarted
    server) and return what it ended with: its result or its exception."""
    assert server.process is not None
    await asyncio.to_thread(server.process.wait, 30)
    task.cancel()
    results = await asyncio.gather(task, return_exceptions=True)
    return results[0]


async def writes(executor: Executor, entry_ids: list[str], actor: Actor) -> Record:
    row = await executor.read_one(COUNT_WRITES, entryIds=entry_ids, actor=actor.id)
    assert row is not None
    return row


@pytest.fixture
async def crash_city(server: EmbeddedServer) -> AsyncIterator[tuple[Executor, list[DesignationIn]]]:
    rows = [row for _, _, row in city_rows(ENTERPRISES)]
    async with connect(settings_for(info_of(server))) as executor:
        executor.timeout = 120.0  # the designation is large; the kill decides when it ends
        await migrate(executor)
        summary = await import_rows(
            executor, (("city", 0, r) for r in rows), id_key=KEY, progress=False
        )
        assert summary.rejected == 0, summary.sample
        yield executor, decisions(rows)


async def test_kill_9_during_a_large_designation_leaves_all_of_it_or_none(
    server: EmbeddedServer, crash_city: tuple[Executor, list[DesignationIn]]
) -> None:
    executor, items = crash_city
    ids = [d.entry_id for d in items]

    # 1. Killed mid-transaction: entries, flags and their paths are written, person records are
    #    being written, the linked-risk refresh and the audit event are still to come.
    actor = Actor("crash-officer-1", "officer")
    held = Held(MERGE_PERSON_RECORDS)
    returned = False

    async def interrupted(tx: Tx) -> designation.Designation:
        nonlocal returned
        held.inner = tx
        done = await designation.designate_in(held, actor, items, on=TODAY)
        returned = True
        return done

    task = asyncio.create_task(executor.unit(interrupted, name=designation.OPERATION))
    written = asyncio.create_task(held.written.wait())
    finished, _ = await asyncio.wait({task, written}, return_when=asyncio.FIRST_COMPLETED)
    written.cancel()
    assert task not in finished, task.exception()  # the unit is waiting at the barrier
    assert not returned
    kill_9(server)
    outcome = await reap(server, task)
    assert isinstance(outcome, BaseException), "the designation committed before the kill"
    assert not returned

    server.start(attached=True)
    left = await writes(executor, ids, actor)
    assert left == {
        "entries": 0,
        "listed": 0,
        "flags": 0,
        "records": 0,
        "events": 0,
        "orphanFlags": 0,
    }, left

    # 2. Killed while committing: the same decisions again (nothing of them survived), the kill
    #    scheduled just after the unit of work returned. Either outcome is allowed; a torn one is
    #    not. The unit's own result says what "all of it" is.
    actor = Actor("crash-officer-2", "officer")
    planned: list[designation.Designation] = []
    returned_unit = asyncio.Event()

    async def committing(tx: Tx) -> designation.Designation:
        done = await designation.designate_in(tx, actor, items, on=TODAY)
        planned.append(done)
        asyncio.get_running_loop().call_later(COMMIT_DELAY, kill_9, server)
        returned_unit.set()
        return done

    task = asyncio.create_task(executor.unit(committing, name=designation.OPERATION))
    unit_done = asyncio.create_task(returned_unit.wait())
    await asyncio.wait({task, unit_done}, return_when=asyncio.FIRST_COMPLETED)
    unit_done.cancel()
    assert planned, task.exception()  # the unit returned and the kill is scheduled
    outcome = await reap(server, task)  # waits for the killed JVM itself

    server.start(attached=True)
    done = planned[0]
    all_ids = [*done.entry_ids, *done.outcome.entries]
    left = await writes(executor, all_ids, actor)
    everything = {
        "entries": len(all_ids),
        "listed": len(all_ids),
        "flags": len(done.outcome.flags),
        "records": len(done.outcome.records),
        "events": 1,
        "orphanFlags": 0,
    }
    nothing = {k: 0 for k in everything}
    assert left in (everything, nothing), left
    if isinstance(outcome, designation.Designation):  # acknowledged: it must be there
        assert left == everything
    assert len(done.entry_ids) == ENTERPRISES
    assert everything["flags"] >= ENTERPRISES  # propagation reached the representatives
