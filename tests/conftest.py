"""Test fixtures.

Fixture strategy
----------------
* Tier 1 (no database): rules, model loading, identifiers, the Cypher registry and linter. These
  tests take no database fixture and run in milliseconds.
* Tier 2 (real database): one throwaway ArcadeDB server per test session, started by
  `graph_server` in a pytest temp dir on free loopback ports, never the developer's own server
  (which lives in var/graphdb on fixed ports). It is attached to the test process, so even a
  killed pytest leaves no JVM behind. The schema is migrated once.
* One event loop for the whole session (pyproject: asyncio_default_*_loop_scope = "session"), so
  the one driver is never used across loops.
* Isolation: tests that assert exact contents start from `empty_graph`, which deletes everything,
  and then load the named scenario they need; other tests use unique business keys.
* The app is exercised in-process through httpx's ASGI transport, with its real lifespan
  (driver, migrations) running against the throwaway server. `client` (and so `gql`) sends an
  officer's bearer token by default, since mutations need officer or admin; `token(role)` issues
  others, and `gql(query, authorization="")` asks as the anonymous public.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from api.app import create_app
from api.auth import Role, issue_token
from api.database import connect
from api.settings import Settings
from graph.cypher import statement
from graph.embedded import EmbeddedServer, ServerInfo, free_port
from graph.executor import Executor
from graph.migrate import migrate

TEST_PASSWORD = "creditgraph-test-pw"
DELETE_ALL = statement("admin/delete_all")


@pytest.fixture(scope="session")
def graph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerInfo]:
    server = EmbeddedServer(
        tmp_path_factory.mktemp("graphdb"),
        database="creditgraph_test",
        bolt_port=free_port(),
        http_port=free_port(),
        heap="2g",
        password=TEST_PASSWORD,
    )
    info = server.start(attached=True)
    try:
        yield info
    finally:
        server.stop()


@pytest.fixture(scope="session")
def settings(graph_server: ServerInfo) -> Settings:
    values: dict[str, Any] = {
        "NEO4J_URI": graph_server.uri,
        "NEO4J_USERNAME": "root",
        "NEO4J_PASSWORD": TEST_PASSWORD,
        "NEO4J_DATABASE": graph_server.database,
        "APP_ENV": "test",
        "CREDITGRAPH_ID_HASH_KEY": "test-hash-key",
        # No background refresh: tests drain the linked-risk outbox when they mean to
        # (tests/test_linked_risk.py runs the worker on its own app).
        "RISK_REFRESH_INTERVAL": 0,
        "ALERT_INTERVAL": 0,  # likewise the alert fan-out (tests/test_alerts_api.py runs its own)
    }
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
async def executor(settings: Settings) -> AsyncIterator[Executor]:
    async with connect(settings) as ex:
        await migrate(ex)
        yield ex


@pytest.fixture
async def empty_graph(executor: Executor) -> Executor:
    await executor.write(DELETE_ALL)
    return executor


@pytest.fixture(scope="session")
async def app(settings: Settings) -> AsyncIterator[Starlette]:
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
def token(settings: Settings) -> Callable[..., str]:
    """`token(Role.ANALYST)` → a bearer token for that role (subject "tester")."""

    def issue(role: Role, subject: str = "tester") -> str:
        return issue_token(settings, role, subject)

    return issue


@pytest.fixture
async def client(app: Starlette, token: Callable[..., str]) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    officer = {"authorization": f"Bearer {token(Role.OFFICER)}"}
    async with httpx.AsyncClient(
        transport=transport, base_url="http://testserver", headers=officer
    ) as c:
        yield c


class GQL:
    """POST a GraphQL document and return the decoded body."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def __call__(
        self, query: str, variables: dict[str, Any] | None = None, **headers: str
    ) -> dict[str, Any]:
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
        )
        assert response.status_code < 500, response.text
        body: dict[str, Any] = response.json()
        return body


@pytest.fixture
def gql(client: httpx.AsyncClient) -> GQL:
    return GQL(client)
