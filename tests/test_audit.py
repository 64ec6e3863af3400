"""The audit trail: canonical digests without ID numbers, and every mutation's event written in the
change's own transaction, so a change whose event cannot be written is not made."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

import pytest
from stdnum.cn import ric, uscc

from api.auth import Role
from graph import audit, subjects
from graph.audit import Actor
from graph.executor import Executor, Record, Tx
from graph.identifiers import person_key
from graph.inputs import PersonIn, id_context
from graph.risk.analytics import run_query
from graph.sanctions.state import snapshot
from tests.conftest import GQL

KEY = b"test-hash-key"  # the test settings' CREDITGRAPH_ID_HASH_KEY


def test_digest_is_canonical_and_hides_the_input() -> None:
    one = {"b": [1, 2], "a": date(2024, 6, 1), "idNumber": "110105198001010016"}
    two = {"idNumber": "110105198001010016", "a": date(2024, 6, 1), "b": [1, 2]}
    digest = audit.input_digest(one)
    assert digest == audit.input_digest(two)
    expected = '{"a":"2024-06-01","b":[1,2],"idNumber":"110105198001010016"}'
    assert digest == hashlib.sha256(expected.encode()).hexdigest()
    assert "110105198001010016" not in digest
    assert audit.input_digest({**one, "b": [2, 1]}) != digest


def test_redaction_leaves_out_every_id_number() -> None:
    number = "110105198001010016"
    person = PersonIn.model_validate({"idNumber": number, "name": "甲"}, context=id_context(KEY))
    assert audit.redacted(person) == {
        "idType": "CITIZEN_ID",
        "idNumber": "[redacted]",
        "name": "甲",
        "address": None,
        "phone": None,
    }
    nested = {
        "rows": [{"holderIdNumber": number, "from": date(2024, 6, 1)}, {"subjectIdNumber": None}],
        "key": person.idNumber,  # a PersonKey under any name
        "debtResponsibleIdNumbers": [number],
        "name": "甲",
    }
    assert audit.redacted(nested) == {
        "rows": [
            {"holderIdNumber": "[redacted]", "from": date(2024, 6, 1)},
            {"subjectIdNumber": None},
        ],
        "key": "[redacted]",
        "debtResponsibleIdNumbers": "[redacted]",
        "name": "甲",
    }


@pytest.mark.db
async def test_event_is_written_in_the_callers_transaction(executor: Executor) -> None:
    actor = Actor("officer-9", "sanction_officer")
    marker = "AUDIT-TEST-ID"

    async def work(tx: Tx) -> str:
        return await audit.record_event(
            tx, actor, "designateListEntry", {"idNumber": "110105198001010016"}, [marker, marker]
        )

    event_id = await executor.unit(work)
    (event,) = await audit.events_for(executor, [marker])
    assert event["eventId"] == event_id
    assert (event["actor"], event["role"], event["operation"], event["outcome"]) == (
        "officer-9",
        "sanction_officer",
        "designateListEntry",
        "OK",
    )
    assert event["affectedIds"] == [marker]
    assert event["inputDigest"] == audit.input_digest({"idNumber": "[redacted]"})
    assert "110105198001010016" not in str(event)

    before = await snapshot(executor)

    async def failing(tx: Tx) -> None:
        await audit.record_event(tx, actor, "revokeBasis", {}, ["ROLLED-BACK"])
        raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        await executor.unit(failing)
    assert await audit.events_for(executor, ["ROLLED-BACK"]) == []
    assert await snapshot(executor) == before


# -- every mutation is audited in its own transaction -------------------------------------------
PURPOSE = "登记 AU-2026-5"
DOCUMENTS = {
    "upsertEnterprise": """mutation($i: EnterpriseInput!) {
      upsertEnterprise(input: $i) { created } }""",
    "upsertPerson": """mutation($i: PersonInput!) { upsertPerson(input: $i) { id } }""",
    "assignRole": """mutation($i: RoleAssignmentInput!) { assignRole(input: $i) { created } }""",
    "endRole": """mutation($i: RoleEndInput!) { endRole(input: $i) { to } }""",
    "recordCreditRecord": """mutation($i: CreditRecordInput!) {
      recordCreditRecord(input: $i) { recordId } }""",
    "creditCheck": """mutation($u: String!, $b: String!) {
      creditCheck(uscc: $u, businessItem: $b) { id } }""",
}
STATE = """query($o: String!) { enterprise(uscc: $o) {
  roles(first: 10) { edges { role from to } }
  records(first: 10) { totalCount } } }"""


class Officer:
    """Asks as an officer with a subject of its own (its events are easy to find) and a purpose."""

    def __init__(self, gql: GQL, token: Callable[..., str], purpose: str = PURPOSE) -> None:
        self.id = f"officer-{uuid.uuid4().hex[:8]}"
        self.bearer = f"Bearer {token(Role.OFFICER, self.id)}"
        self.purpose = purpose
        self.gql = gql

    async def __call__(self, document: str, variables: dict[str, Any]) -> dict[str, Any]:
        headers = {"authorization": self.bearer, "x-purpose": quote(self.purpose)}
        return await self.gql(document, variables, **headers)

    async def mutate(self, operation: str, variables: dict[str, Any]) -> dict[str, Any]:
        return await self(DOCUMENTS[operation], variables)

    async def events(self, executor: Executor, operation: str | None = None) -> list[Record]:
        where = audit.EventFilter(actor=self.id, operation=operation)
        return await audit.search_events(executor, where, 0, 10)


def org_id(n: int) -> str:
    body = f"91440000AD{n:07d}"
    return body + uscc.calc_check_digit(body)


def citizen(n: int) -> str:
    body = f"4401061988{1 + n // 28 % 12:02d}{1 + n % 28:02d}{n % 100:03d}"
    return body + ric.calc_check_digit(body + "0")


@dataclass(frozen=True)
class Keys:
    """Fresh business keys for one test: an enterprise, a person, a record."""

    org: str
    number: str
    pid: str
    record: str

    @classmethod
    def fresh(cls) -> Keys:
        n = secrets.randbelow(9_000_000) + 1
        number = citizen(n)
        return cls(org_id(n), number, person_key(number, KEY).pid, f"AU-R-{n}")

    def inputs(self) -> dict[str, dict[str, Any]]:
        """The variables of each mutation, on these keys (the role is a director's: no rule
        follows it, so nothing but the change and its event is written)."""
        role = {"role": "DIRECTOR_OF", "holderId": self.pid, "organizationUscc": self.org}
        return {
            "upsertEnterprise": {"i": {"uscc": self.org, "name": "审计测试企业", "isSoe": False}},
            "upsertPerson": {"i": {"idNumber": self.number, "name": "审计人", "phone": "020 5555"}},
            "assignRole": {"i": {**role, "from": "2021-01-01"}},
            "endRole": {"i": {**role, "from": "2021-01-01", "to": "2025-12-31"}},
            "recordCreditRecord": {
                "i": {
                    "recordId": self.record,
                    "recordType": "ADMIN_PENALTY",
                    "subjectId": self.org,
                    "decisionDate": "2025-03-01",
                    "penaltyKind": "FINE",
                    "procedure": "GENERAL",
                }
            },
            "creditCheck": {"u": self.org, "b": "政府采购"},
        }

    def affected(self, operation: str, check_id: str = "") -> list[str]:
        return {
            "upsertEnterprise": [self.org],
            "upsertPerson": [self.pid],
            "assignRole": sorted([self.org, self.pid]),
            "endRole": sorted([self.org, self.pid]),
            "recordCreditRecord": sorted([self.record, self.org]),
            "creditCheck": sorted([self.org, check_id]),
        }[operation]


@pytest.fixture
def officer(gql: GQL, token: Callable[..., str]) -> Officer:
    return Officer(gql, token)


@pytest.mark.db
async def test_each_mutation_writes_one_event_with_the_principals_role_and_purpose(
    officer: Officer, executor: Executor
) -> None:
    keys = Keys.fresh()
    inputs = keys.inputs()
    check_id = ""
    for operation in DOCUMENTS:
        body = await officer.mutate(operation, inputs[operation])
        assert "errors" not in body, body
        if operation == "creditCheck":
            check_id = body["data"]["creditCheck"]["id"]
    events = {e["operation"]: e for e in await officer.events(executor)}
    assert sorted(events) == sorted(DOCUMENTS)
    for operation, event in events.items():
        assert (event["actor"], event["role"], event["purpose"], event["outcome"]) == (
            officer.id,
            "officer",
            PURPOSE,
            "OK",
        ), operation
        assert event["affectedIds"] == keys.affected(operation, check_id), operation
    # The digest is of the validated input with the ID number left out, never of the number.
    person = events["upsertPerson"]
    redacted: dict[str, str | None] = {"idType": "CITIZEN_ID", "idNumber": "[redacted]"}
    redacted |= {"name": "审计人", "address": None, "phone": "020 5555"}
    assert person["inputDigest"] == audit.input_digest(redacted)
    assert keys.number not in str(person)


@pytest.mark.db
@pytest.mark.parametrize("operation", list(DOCUMENTS))
async def test_a_change_whose_event_cannot_be_written_is_not_made(
    officer: Officer, executor: Executor, monkeypatch: pytest.MonkeyPatch, operation: str
) -> None:
    """The audit write fails for real (its event id is taken, as in tests/test_pii.py): the
    mutation fails and its change is rolled back with it."""
    keys = Keys.fresh()
    inputs = keys.inputs()
    setup = {
        "upsertEnterprise": [],
        "upsertPerson": ["upsertEnterprise"],
        "assignRole": ["upsertEnterprise", "upsertPerson"],
        "endRole": ["upsertEnterprise", "upsertPerson", "assignRole"],
        "recordCreditRecord": ["upsertEnterprise"],
        "creditCheck": ["upsertEnterprise"],
    }[operation]
    for step in setup:
        assert "errors" not in await officer.mutate(step, inputs[step])
    taken = "AE-TAKEN-" + uuid.uuid4().hex
    monkeypatch.setattr(audit, "new_event_id", lambda: taken)
    await executor.unit(lambda tx: audit.record_event(tx, Actor("setup"), "setup", {}, []))

    body = await officer.mutate(operation, inputs[operation])
    monkeypatch.undo()
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["CONFLICT"]

    assert sorted(e["operation"] for e in await officer.events(executor)) == sorted(setup)
    if operation == "upsertEnterprise":
        assert await subjects.enterprises_by_uscc(executor, [keys.org]) == {}
        return
    enterprise = (await officer(STATE, {"o": keys.org}))["data"]["enterprise"]
    roles = enterprise["roles"]["edges"]
    if operation == "upsertPerson":
        assert await subjects.subjects_by_sid(executor, [keys.pid]) == {}
    elif operation == "assignRole":
        assert roles == []
    elif operation == "endRole":
        assert roles == [{"role": "DIRECTOR_OF", "from": "2021-01-01", "to": None}]
    elif operation == "recordCreditRecord":
        assert enterprise["records"]["totalCount"] == 0
    else:
        (row,) = await run_query(executor, "credit_check", {"uscc": keys.org}, date.today())
        assert row["checks"] == 0
