"""The thin vertical slice through HTTP, GraphQL, the executor and the real database."""

from __future__ import annotations

import httpx
import pytest

from graph.identifiers import person_key
from tests.conftest import GQL

pytestmark = pytest.mark.db

USCC = "91110000600037341L"
CARD = "query($u: String!) { enterprise(uscc: $u) { uscc name legalRepresentatives { name } } }"
UPSERT = """mutation($i: EnterpriseInput!) {
  upsertEnterprise(input: $i) { created enterprise { uscc name region } } }"""


async def test_upsert_then_read_with_legal_representative(gql: GQL, empty_graph: object) -> None:
    from graph import subjects

    first = await gql(UPSERT, {"i": {"uscc": USCC, "name": "甲公司", "region": "110105"}})
    assert first["data"]["upsertEnterprise"]["enterprise"] == {
        "uscc": USCC,
        "name": "甲公司",
        "region": "110105",
    }
    again = await gql(UPSERT, {"i": {"uscc": USCC.lower(), "name": "甲公司（更名）"}})
    assert again["data"]["upsertEnterprise"]["created"] is False
    assert again["data"]["upsertEnterprise"]["enterprise"]["region"] == "110105"

    person = await subjects.upsert_person(
        empty_graph, "11010519491231002X", "张伟", b"test-hash-key"
    )  # type: ignore[arg-type]
    assert person["sid"] == person_key("11010519491231002X", b"test-hash-key").pid
    from datetime import date

    await subjects.assign_role(
        empty_graph,  # type: ignore[arg-type]
        "LEGAL_REPRESENTATIVE_OF",
        person["sid"],
        USCC,
        date(2020, 1, 1),
        None,
    )
    body = await gql(CARD, {"u": USCC})
    assert body == {
        "data": {
            "enterprise": {
                "uscc": USCC,
                "name": "甲公司（更名）",
                "legalRepresentatives": [{"name": "张伟"}],
            }
        }
    }


@pytest.mark.parametrize(
    ("uscc", "code"),
    [
        ("91110000600037341X", "BAD_USER_INPUT"),  # wrong check digit
        ("123", "BAD_USER_INPUT"),  # wrong length
        ("91110000MA0000000X", "BAD_USER_INPUT"),
        ("91310000MA1FL8TQ49", "NOT_FOUND"),  # valid, not in the graph
    ],
)
async def test_bad_and_unknown_uscc_are_typed_errors(gql: GQL, uscc: str, code: str) -> None:
    body = await gql(CARD, {"u": uscc})
    assert body["data"] == {"enterprise": None}  # a nullable lookup: null at its own path
    assert body["errors"][0]["extensions"]["code"] == code


async def test_bad_mutation_input_is_rejected_and_nothing_written(gql: GQL) -> None:
    body = await gql(UPSERT, {"i": {"uscc": "91310000MA1FL8TQ49", "name": ""}})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "name" in body["errors"][0]["message"]
    after = await gql(CARD, {"u": "91310000MA1FL8TQ49"})
    assert after["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_health_and_readiness(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready"
