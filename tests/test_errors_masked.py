"""An unexpected exception's message never reaches the client; the log keeps the detail.

Internal errors are triggered without any debug field in the public schema: a tiny schema of
the test's own with the same `CodedErrors` extension, and a database failure injected into the
real app's executor for one request.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import httpx
import pytest
import strawberry
from neo4j import exceptions as nx
from starlette.applications import Starlette
from strawberry.asgi import GraphQL

from api.extensions.errors import MASKED_MESSAGE, CodedErrors
from api.schema import CreditGraphSchema
from graph.errors import NotFound, QueryFailed
from graph.executor import Executor

SECRET = "secret internal detail"


@strawberry.type
class BrokenQuery:
    @strawberry.field
    def crash(self) -> str:
        raise RuntimeError(SECRET)

    @strawberry.field
    def bug_in_our_cypher(self) -> str:
        raise QueryFailed(f"statement x failed: {SECRET}")

    @strawberry.field
    def missing(self) -> str:
        raise NotFound("no enterprise with USCC 91310000MA1FL8TQ49", uscc="91310000MA1FL8TQ49")

    @strawberry.field
    def fine(self, day: str) -> str:
        return day


BROKEN = CreditGraphSchema(query=BrokenQuery, extensions=[CodedErrors])


def assert_masked(body: dict[str, Any]) -> None:
    assert SECRET not in json.dumps(body)
    assert "secret" not in json.dumps(body).lower()
    [error] = body["errors"]
    assert error["message"] == MASKED_MESSAGE
    assert error["extensions"] == {"code": "INTERNAL"}


@pytest.mark.parametrize("field", ["crash", "bugInOurCypher"])
async def test_unexpected_errors_are_masked_and_logged(
    field: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="creditgraph.errors"):
        result = await BROKEN.execute(f"{{ {field} }}")
    body = {"data": result.data, "errors": [e.formatted for e in result.errors or []]}
    assert_masked(body)
    assert body["errors"][0]["path"] == [field]
    assert SECRET in caplog.text  # the traceback of the original exception


async def test_masking_holds_over_http() -> None:
    transport = httpx.ASGITransport(app=GraphQL(BROKEN))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.post("/", json={"query": "{ crash }"})
    assert response.status_code < 500
    assert "Traceback" not in response.text
    assert_masked(response.json())


async def test_expected_errors_keep_their_message_and_code() -> None:
    result = await BROKEN.execute("{ missing }")
    [error] = result.errors or []
    assert error.message == "no enterprise with USCC 91310000MA1FL8TQ49"
    assert error.extensions == {"code": "NOT_FOUND", "uscc": "91310000MA1FL8TQ49"}


@pytest.mark.parametrize(
    ("document", "variables", "code"),
    [
        ("{ crash(", None, "GRAPHQL_PARSE_FAILED"),
        ("{ nothing }", None, "GRAPHQL_VALIDATION_FAILED"),
        ("{ fine(day: 5) }", None, "GRAPHQL_VALIDATION_FAILED"),
        ("query($d: String!) { fine(day: $d) }", {"d": 5}, "BAD_USER_INPUT"),
        ("query($d: String!) { fine(day: $d) }", {}, "BAD_USER_INPUT"),
    ],
)
async def test_errors_about_the_request_are_shown_with_a_code(
    document: str, variables: dict[str, Any] | None, code: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="creditgraph.errors"):
        result = await BROKEN.execute(document, variables)
    [error] = result.errors or []
    assert error.extensions == {"code": code}
    assert error.message != MASKED_MESSAGE
    assert not caplog.records  # the client's mistake is not an incident


class FailingDriver:
    """Stands in for the driver for one request: the database rejects every statement."""

    def session(self, **_: Any) -> Any:
        raise nx.DatabaseError(f"{SECRET}: /var/lib/neo4j/data is corrupt")


@pytest.mark.db
async def test_database_failure_is_masked_through_the_real_app(
    app: Starlette,
    client: httpx.AsyncClient,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    executor: Executor = app.state.executor
    monkeypatch.setattr(executor, "driver", FailingDriver())
    query = '{ enterprise(uscc: "91110000600037341L") { name } }'
    with caplog.at_level(logging.ERROR):
        response = await client.post("/graphql", json={"query": query})
    assert response.status_code < 500
    assert "Traceback" not in response.text
    assert "/var/lib" not in response.text
    body = response.json()
    assert body["data"] in (None, {"enterprise": None})
    assert_masked(body)
    assert SECRET in caplog.text
    assert any(r.name == "creditgraph.errors" for r in caplog.records)
