"""Watch-lists and alerts over GraphQL: the fields, who may use them, and the `alerts`
subscription over graphql-transport-ws on a real server (uvicorn on a free port, its own app with
the fan-out worker on). The cast is tests/test_alerts.py's."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import pytest
import uvicorn
from starlette.applications import Starlette

from api.app import create_app
from api.auth import Role
from api.pagination import encode_cursor
from api.settings import Settings
from graph.alerts import fanout
from graph.embedded import free_port
from graph.executor import Executor
from tests.conftest import GQL
from tests.test_alerts import designate
from tests.test_propagation import E_LR, B, E, G, load_cast

pytestmark = pytest.mark.db

WATCH = """mutation($s: ID!, $r: Int!, $e: [AlertEventKind!]!) {
  watch(subjectId: $s, radius: $r, events: $e, note: "案件 7") {
    id radius events note subject { id name } } }"""
ALERTS = """query($after: String, $unread: Boolean! = false) {
  alerts(first: 10, after: $after, unreadOnly: $unread) {
    endCursor hasNextPage
    nodes { id cursor event change subjectId distance read ruleId legalBasis
            subject { id name }
            path { length nodes { id name } hops { relations { role holder organization } } } }
  } }"""
SUBSCRIBE = """subscription($after: String) {
  alerts(after: $after) { id cursor event change subjectId distance path { nodes { id } } } }"""
DEADLINE = 60.0  # a slow, shared machine; the latency goal is measured in bench/alerts.py


@pytest.fixture
async def cast(executor: Executor) -> Executor:
    await load_cast(executor)
    await fanout.drain(executor)
    return executor


def bearer(token: Callable[..., str], role: Role, subject: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token(role, subject)}"}


async def test_an_investigator_watches_and_reads_alerts_with_their_path(
    gql: GQL, cast: Executor, token: Callable[..., str]
) -> None:
    me = bearer(token, Role.INVESTIGATOR, "inv-7")
    body = await gql(WATCH, {"s": G, "r": 2, "e": ["LIST_ENTRY"]}, **me)
    assert "errors" not in body, body
    assert body["data"]["watch"]["subject"]["id"] == G
    await designate(cast, E)
    await fanout.drain(cast)
    page = (await gql(ALERTS, {}, **me))["data"]["alerts"]
    (alert,) = page["nodes"]
    assert (alert["event"], alert["change"], alert["subjectId"]) == ("LIST_ENTRY", "ADDED", E)
    assert [n["id"] for n in alert["path"]["nodes"]] == [G, E_LR, E]
    assert alert["path"]["hops"][0]["relations"] == [
        {"role": "LEGAL_REPRESENTATIVE_OF", "holder": E_LR, "organization": G}
    ]
    assert page["endCursor"] == alert["cursor"]
    assert not page["hasNextPage"]
    # Nothing after the last cursor; read marks; unread filter.
    assert (await gql(ALERTS, {"after": alert["cursor"]}, **me))["data"]["alerts"]["nodes"] == []
    mark = "mutation($c: String) { markAlertsRead(upTo: $c) { marked } }"
    marked = await gql(mark, {"c": alert["cursor"]}, **me)
    assert marked["data"]["markAlertsRead"]["marked"] == 1
    assert (await gql(ALERTS, {"unread": True}, **me))["data"]["alerts"]["nodes"] == []
    # Someone else's alerts are not mine.
    other = bearer(token, Role.INVESTIGATOR, "inv-8")
    assert (await gql(ALERTS, {}, **other))["data"]["alerts"]["nodes"] == []


@pytest.mark.parametrize("role", [None, Role.PUBLIC, Role.DASHBOARD, Role.ANALYST])
async def test_watches_are_for_investigators_officers_and_admins(
    gql: GQL, cast: Executor, token: Callable[..., str], role: Role | None
) -> None:
    headers = {"authorization": ""} if role is None else bearer(token, role, "x")
    body = await gql(WATCH, {"s": G, "r": 1, "e": ["FLAG"]}, **headers)
    assert body["errors"][0]["extensions"]["code"] in {"FORBIDDEN", "UNAUTHENTICATED"}


async def test_bad_watch_input_is_a_coded_error(
    gql: GQL, cast: Executor, token: Callable[..., str]
) -> None:
    me = bearer(token, Role.INVESTIGATOR, "inv-7")
    body = await gql(WATCH, {"s": G, "r": 9, "e": ["FLAG"]}, **me)
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    body = await gql(WATCH, {"s": "91230100MA1PRZ9999", "r": 1, "e": ["FLAG"]}, **me)
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


# -- the subscription --------------------------------------------------------------------------
@pytest.fixture
async def served(settings: Settings, cast: Executor) -> AsyncIterator[str]:
    """An app of its own with the fan-out worker on, over real HTTP on a free port."""
    app: Starlette = create_app(settings.model_copy(update={"alert_interval": 0.2}))
    async with app.router.lifespan_context(app):
        port = free_port()
        config = uvicorn.Config(
            app, host="127.0.0.1", port=port, lifespan="off", log_level="warning"
        )
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve())
        async with asyncio.timeout(DEADLINE):
            while not server.started:
                if task.done():
                    task.result()
                await asyncio.sleep(0.02)
        try:
            yield f"ws://127.0.0.1:{port}/graphql"
        finally:
            server.should_exit = True
            await task


class Subscriber:
    """A graphql-transport-ws client: init with the token in the payload, one subscription."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws

    @classmethod
    async def open(
        cls, session: aiohttp.ClientSession, url: str, auth: str, after: str | None
    ) -> Subscriber:
        ws = await session.ws_connect(url, protocols=["graphql-transport-ws"])
        await ws.send_json({"type": "connection_init", "payload": {"authorization": auth}})
        ack = await ws.receive_json(timeout=DEADLINE)
        assert ack["type"] == "connection_ack", ack
        payload = {"query": SUBSCRIBE, "variables": {"after": after}}
        await ws.send_json({"id": "1", "type": "subscribe", "payload": payload})
        return cls(ws)

    async def next(self) -> dict[str, Any]:
        while True:
            msg = await self.ws.receive_json(timeout=DEADLINE)
            if msg["type"] == "ping":
                await self.ws.send_json({"type": "pong"})
                continue
            assert msg["type"] == "next", msg
            assert "errors" not in msg["payload"], msg
            alert: dict[str, Any] = msg["payload"]["data"]["alerts"]
            return alert


async def test_the_subscription_delivers_and_resumes_from_its_cursor(
    served: str, cast: Executor, gql: GQL, token: Callable[..., str]
) -> None:
    me = bearer(token, Role.INVESTIGATOR, "inv-9")
    body = await gql(WATCH, {"s": G, "r": 3, "e": ["LIST_ENTRY"]}, **me)
    assert "errors" not in body, body
    async with aiohttp.ClientSession() as session:
        # From the first alert on: the stream may start after the fan-out has written the
        # designation's alert (without `after` it would start after it and wait forever).
        sub = await Subscriber.open(session, served, me["authorization"], encode_cursor(0))
        await designate(cast, E)
        first = await sub.next()
        assert (first["subjectId"], first["distance"]) == (E, 2)
        assert [n["id"] for n in first["path"]["nodes"]] == [G, E_LR, E]
        await sub.ws.close()
        # While disconnected: B is listed (three hops). Resuming from the cursor gets it.
        await designate(cast, B)
        sub = await Subscriber.open(session, served, me["authorization"], first["cursor"])
        missed = await sub.next()
        assert (missed["subjectId"], missed["distance"]) == (B, 3)
        assert missed["cursor"] != first["cursor"]
        await sub.ws.close()


async def test_a_subscription_with_a_bad_token_is_refused(served: str, cast: Executor) -> None:
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(served, protocols=["graphql-transport-ws"])
        await ws.send_json({"type": "connection_init", "payload": {"authorization": "Bearer x"}})
        msg = await ws.receive(timeout=DEADLINE)
        assert msg.type == aiohttp.WSMsgType.CLOSE
        assert ws.close_code == 4403


async def test_the_public_may_not_subscribe(served: str, cast: Executor) -> None:
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(served, protocols=["graphql-transport-ws"])
        await ws.send_json({"type": "connection_init", "payload": {}})
        assert (await ws.receive_json(timeout=DEADLINE))["type"] == "connection_ack"
        payload = {"query": SUBSCRIBE, "variables": {}}
        await ws.send_json({"id": "1", "type": "subscribe", "payload": payload})
        msg = await ws.receive_json(timeout=DEADLINE)
        assert msg["type"] in {"next", "error"}, msg
        errors = msg["payload"]["errors"] if msg["type"] == "next" else msg["payload"]
        assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED"
        await ws.close()
