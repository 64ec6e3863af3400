"""Personal data and the public view: who may read `Person.personalData` (and how it is audited),
and what public and dashboard callers see of list entries and credit records.

The world is imported once with its own business keys (no emptying of the shared database).
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import quote

import pytest
from graphql import (
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
    is_interface_type,
    is_object_type,
)
from stdnum.cn import ric, uscc

from api.auth import Role
from api.extensions.auth import guards_for
from api.permissions import FIELDS, MUTATIONS, QUERIES
from api.schema import schema
from graph import audit
from graph.audit import Actor
from graph.executor import Executor
from graph.identifiers import person_key
from graph.importer import import_rows
from graph.model import MODEL
from tests.conftest import GQL

pytestmark = pytest.mark.db

KEY = b"test-hash-key"  # the test settings' CREDITGRAPH_ID_HASH_KEY
TODAY = date.today()
ADDRESS = "上海市黄浦区隐私测试路8号"
PHONE = "021-55550101"
PURPOSE = "案件 PII-2024-7 调查"


def org_id(n: int) -> str:
    body = f"91310000PX{n:07d}"
    return body + uscc.calc_check_digit(body)


def citizen(n: int) -> str:
    body = f"310101198702{n:02d}{n:03d}"
    return body + ric.calc_check_digit(body + "0")


def days(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


@dataclass(frozen=True)
class World:
    org: str
    repairable_org: str
    person_a: str
    person_b: str
    listed_org: str


def _entry(
    entry_id: str,
    org: str,
    valid_from: int,
    valid_until: int,
    status: str,
    list_type: str = "KEY_ATTENTION",
) -> dict[str, Any]:
    return {
        "kind": "listEntry",
        "entryId": entry_id,
        "listType": list_type,
        "removalConditions": "修复",
        "remedies": "复议",
        "subjectUscc": org,
        "authorityId": "PII-AUTH",
        "decisionNo": f"D-{entry_id}",
        "decisionDate": days(valid_from),
        "reason": "测试",
        "legalBasis": "001 item 8",
        "validFrom": days(valid_from),
        "validUntil": days(valid_until),
        "status": status,
    }


def _record(record_id: str, kind: str, published: int, end: int, status: str) -> dict[str, Any]:
    return {
        "kind": "record",
        "recordId": record_id,
        "recordType": kind,
        "subjectUscc": org_id(1),
        "authorityId": "PII-AUTH",
        "decisionDate": days(published - 2),
        "publishedAt": days(published),
        "publicationEnd": days(end),
        "status": status,
    }


@pytest.fixture(scope="module")
async def world(executor: Executor) -> AsyncIterator[World]:
    org, repairable, listed = org_id(1), org_id(2), org_id(3)
    rows: list[dict[str, Any]] = [
        {"kind": "authority", "authorityId": "PII-AUTH", "name": "隐私测试局"},
        {"kind": "organization", "uscc": org, "name": "隐私测试企业"},
        {"kind": "organization", "uscc": repairable, "name": "隐私修复企业"},
        {"kind": "organization", "uscc": listed, "name": "隐私失信企业"},
        {
            "kind": "person",
            "idNumber": citizen(1),
            "name": "隐私甲",
            "address": ADDRESS,
            "phone": PHONE,
        },
        {"kind": "person", "idNumber": citizen(2), "name": "隐私乙", "phone": "13900000002"},
        {
            "kind": "role",
            "role": "LEGAL_REPRESENTATIVE_OF",
            "holderIdNumber": citizen(1),
            "uscc": org,
            "from": "2020-01-01",
        },
        {
            "kind": "role",
            "role": "DIRECTOR_OF",
            "holderIdNumber": citizen(2),
            "uscc": org,
            "from": "2020-01-01",
        },
        {
            "kind": "role",
            "role": "LEGAL_REPRESENTATIVE_OF",
            "holderIdNumber": citizen(1),
            "uscc": listed,
            "from": "2020-01-01",
        },
        _entry("PII-E-ACTIVE", org, -100, 100, "ACTIVE"),
        _entry("PII-E-EXPIRED", org, -400, -10, "ACTIVE"),
        _entry("PII-E-REMOVED", org, -300, 300, "REMOVED"),
        _entry("PII-E-FUTURE", org, 10, 300, "ACTIVE"),
        _entry("PII-E-REPAIR", repairable, -50, 300, "ACTIVE"),
        _entry("PII-E-SERIOUS", listed, -20, 700, "ACTIVE", "SERIOUS_DISHONESTY"),
        _record("PII-R-PUB", "ADMIN_PENALTY", -30, 300, "PUBLISHED"),
        _record("PII-R-ENDED", "ADMIN_PENALTY", -800, -5, "PUBLISHED"),
        _record("PII-R-REPAIRED", "ADMIN_PENALTY", -60, 300, "REPAIRED"),
        _record("PII-R-COLLECTED", "ADMIN_PENALTY", -20, 300, "COLLECTED"),
        _record("PII-R-LATER", "ADMIN_PENALTY", 5, 300, "PUBLISHED"),
        _record("PII-R-HONOR", "HONOR", -900, -100, "PUBLISHED"),
    ]
    feed = [("pii", i, r) for i, r in enumerate(rows)]
    summary = await import_rows(executor, feed, id_key=KEY, progress=False, propagate=True)
    assert summary.rejected == 0, [str(r) for r in summary.sample]
    a, b = person_key(citizen(1), KEY).pid, person_key(citizen(2), KEY).pid
    return World(org, repairable, a, b, listed)


@pytest.fixture
def ask(gql: GQL, token: Callable[..., str]) -> Callable[..., Any]:
    """`await ask(document, caller, variables=None, purpose=None, subject="tester")`."""

    async def post(
        document: str,
        caller: Role | None,
        variables: dict[str, Any] | None = None,
        purpose: str | None = None,
        subject: str = "tester",
    ) -> dict[str, Any]:
        headers = {"authorization": f"Bearer {token(caller, subject)}" if caller else ""}
        if purpose:
            headers["x-purpose"] = quote(purpose)  # headers are bytes: percent-encoded UTF-8
        return await gql(document, variables, **headers)

    return post


def codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or ()]


# -- no personal data for the public -------------------------------------------------------------
PERSONAL_DOCUMENTS = {
    "direct": "query($p: ID!) { person(id: $p) { name personalData { birthDate } } }",
    "alias": "query($p: ID!) { person(id: $p) { x: personalData { y: address } } }",
    "fragment": "query($p: ID!) { person(id: $p) { ...P } } fragment P on Person "
    "{ personalData { phone } }",
    "inline-on-subject": "query($p: ID!) { subject(id: $p) { ... on Person { personalData "
    "{ gender } } } }",
    "nested-roles": "query($o: String!) { enterprise(uscc: $o) { roles(first: 5) { edges { node "
    "{ ... on Person { personalData { address phone } } } } } } }",
    "nested-related": "query($o: ID!) { relatedParties(id: $o, first: 5) { edges { node { "
    "subject { ... on Person { personalData { address } } } } } } }",
    "search": '{ searchSubjects(query: "隐私", first: 5) { edges { node { ...S } } } } '
    "fragment S on Subject { ... on Person { personalData { phone } } }",
    "skipped": "query($p: ID!) { person(id: $p) { name personalData @skip(if: true) { phone } } }",
}


@pytest.mark.parametrize("document", sorted(PERSONAL_DOCUMENTS))
async def test_public_and_dashboard_cannot_reach_personal_data(
    world: World, ask: Callable[..., Any], document: str
) -> None:
    variables = {"p": world.person_a, "o": world.org}
    query = PERSONAL_DOCUMENTS[document]
    used = {k: v for k, v in variables.items() if f"${k}" in query}
    for caller in (None, Role.PUBLIC, Role.DASHBOARD):
        body = await ask(query, caller, used, purpose=PURPOSE)
        assert body.get("data") is None, body
        assert set(codes(body)) == {"UNAUTHENTICATED" if caller is None else "FORBIDDEN"}, body
        text = str(body)
        assert ADDRESS not in text
        assert PHONE not in text
        assert "1987-02-01" not in text


def _output_types() -> list[GraphQLObjectType]:
    types = schema._schema.type_map.values()
    return [t for t in types if (is_object_type(t) or is_interface_type(t))]  # type: ignore[misc]


def test_protected_properties_appear_only_under_a_guarded_field() -> None:
    """No type but PersonalData names a protected property, PersonalData is reachable only
    through guarded fields, and the ID hash is in no type at all."""
    protected = MODEL.protected_properties
    assert "idHash" not in schema.as_str()
    for kind in _output_types():
        if kind.name.startswith("__"):
            continue
        if kind.name == "PersonalData":
            assert set(kind.fields) <= protected - {"idHash"}
            continue
        assert not set(kind.fields) & protected, kind.name
        for name, field in kind.fields.items():
            if get_named_type(field.type).name == "PersonalData":
                assert f"{kind.name}.{name}" in FIELDS, f"{kind.name}.{name} is not guarded"


def reachable_types(role: Role) -> set[str]:
    """Every output type a role can reach from the root fields it may select, following only
    the fields it may select (interfaces lead to every implementation)."""
    graph = schema._schema
    guards = guards_for(graph)
    roots = [
        (graph.query_type, QUERIES),
        (graph.mutation_type, MUTATIONS),
    ]
    todo: list[str] = []
    for root, table in roots:
        assert root is not None
        for name, field in root.fields.items():
            if role in table[name].roles:
                todo.append(get_named_type(field.type).name)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        kind = graph.get_type(name)
        if is_interface_type(kind) or isinstance(kind, GraphQLUnionType):
            todo += [t.name for t in graph.get_possible_types(kind)]  # type: ignore[arg-type]
        if is_object_type(kind) or is_interface_type(kind):
            for field_name, field in kind.fields.items():  # type: ignore[union-attr]
                rules = guards.fields.get((name, field_name), ())
                if all(role in r.roles for r in rules):
                    todo.append(get_named_type(field.type).name)
    return seen


SUPERVISION_ONLY = {
    "PersonalData",
    "CreditGrade",
    "CreditScore",
    "RiskIndicator",
    "RiskCluster",
    "OwnershipAnalysis",
    "ControlAnalysis",
    "RelatedParty",
    "AuditEvent",
}


@pytest.mark.parametrize("role", [Role.PUBLIC, Role.DASHBOARD])
def test_no_path_leads_the_public_to_personal_or_supervision_data(role: Role) -> None:
    assert not reachable_types(role) & SUPERVISION_ONLY


def test_the_reachability_check_can_fail() -> None:
    assert "PersonalData" in reachable_types(Role.INVESTIGATOR)
    assert "RiskIndicator" in reachable_types(Role.ANALYST)
    assert "PersonalData" not in reachable_types(Role.ANALYST)
    assert "AuditEvent" in reachable_types(Role.ADMIN)


# -- investigators and officers, with a purpose --------------------------------------------------
async def test_personal_data_needs_a_personal_data_role_and_a_purpose(
    world: World, ask: Callable[..., Any]
) -> None:
    query = PERSONAL_DOCUMENTS["direct"]
    body = await ask(query, Role.INVESTIGATOR, {"p": world.person_a})
    assert body.get("data") is None
    assert codes(body) == ["FORBIDDEN"]
    assert "X-Purpose" in body["errors"][0]["message"]
    for role in (Role.ANALYST, Role.ADMIN):
        body = await ask(query, role, {"p": world.person_a}, purpose=PURPOSE)
        assert body.get("data") is None, body
        assert codes(body) == ["FORBIDDEN"], body


READ_TWO = """query($a: ID!, $b: ID!) {
  a: person(id: $a) { name personalData { birthDate gender address phone idType } }
  b: person(id: $b) { ...P }
}
fragment P on Person { name personalData { phone } }"""

AUDIT = """query($op: String, $actor: String, $from: DateTime, $after: String) {
  auditEvents(first: 10, operation: $op, actor: $actor, from: $from, after: $after) {
    totalCount
    edges { cursor node { id at actor role purpose operation outcome affectedIds fields
                          inputDigest } } } }"""


async def events(
    ask: Callable[..., Any], actor: str, op: str | None = None
) -> list[dict[str, Any]]:
    body = await ask(AUDIT, Role.ADMIN, {"actor": actor, "op": op})
    assert "errors" not in body, body
    return [e["node"] for e in body["data"]["auditEvents"]["edges"]]


@pytest.mark.parametrize("role", [Role.INVESTIGATOR, Role.OFFICER])
async def test_a_purposeful_read_returns_the_data_and_writes_one_audit_event(
    world: World, ask: Callable[..., Any], role: Role
) -> None:
    reader = f"reader-{uuid.uuid4().hex[:8]}"
    variables = {"a": world.person_a, "b": world.person_b}
    body = await ask(READ_TWO, role, variables, purpose=PURPOSE, subject=reader)
    assert "errors" not in body, body
    assert body["data"]["a"]["personalData"] == {
        "birthDate": "1987-02-01",
        "gender": "MALE" if int(citizen(1)[16]) % 2 else "FEMALE",
        "address": ADDRESS,
        "phone": PHONE,
        "idType": "CITIZEN_ID",
    }
    assert body["data"]["b"]["personalData"] == {"phone": "13900000002"}

    (event,) = await events(ask, reader)
    assert event["operation"] == audit.READ_PERSONAL_DATA
    assert (event["actor"], event["role"], event["purpose"]) == (reader, role.value, PURPOSE)
    assert event["affectedIds"] == sorted([world.person_a, world.person_b])
    assert event["fields"] == ["address", "birthDate", "gender", "idType", "phone"]
    assert event["outcome"] == "OK"
    assert ADDRESS not in str(event)
    assert PHONE not in str(event)


async def test_reading_nothing_personal_writes_no_audit_event(
    world: World, ask: Callable[..., Any]
) -> None:
    reader = f"reader-{uuid.uuid4().hex[:8]}"
    body = await ask(
        "query($p: ID!) { person(id: $p) { name idMasked } }",
        Role.INVESTIGATOR,
        {"p": world.person_a},
        purpose=PURPOSE,
        subject=reader,
    )
    assert body["data"]["person"]["name"] == "隐私甲"
    assert await events(ask, reader) == []


async def test_personal_data_is_withheld_when_its_read_cannot_be_audited(
    world: World, ask: Callable[..., Any], executor: Executor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit write fails for real (its event id is taken): the person is shown, the personal
    data is not, and the client is told why."""
    taken = "AE-TAKEN-" + uuid.uuid4().hex
    monkeypatch.setattr(audit, "new_event_id", lambda: taken)
    await audit.record_reads(executor, Actor("setup"), [world.person_b], ["phone"])

    reader = f"reader-{uuid.uuid4().hex[:8]}"
    body = await ask(
        READ_TWO,
        Role.OFFICER,
        {"a": world.person_a, "b": world.person_b},
        purpose=PURPOSE,
        subject=reader,
    )
    assert body["data"]["a"] == {"name": "隐私甲", "personalData": None}
    assert body["data"]["b"] == {"name": "隐私乙", "personalData": None}
    assert codes(body) == ["UNAVAILABLE", "UNAVAILABLE"]
    assert sorted(tuple(e["path"]) for e in body["errors"]) == [
        ("a", "personalData"),
        ("b", "personalData"),
    ]
    assert ADDRESS not in str(body)
    assert PHONE not in str(body)
    monkeypatch.undo()
    assert await events(ask, reader) == []


# -- the public view of entries and records ------------------------------------------------------
VIEW = """query($o: ID!, $s: String!) {
  listEntries(subjectId: $o, first: 20) { totalCount edges { node { id status } } }
  records(subjectId: $o, first: 20) { totalCount edges { node { id } } }
  enterprise(uscc: $s) {
    listEntries(first: 20) { totalCount edges { node { id } } }
    records(first: 20) { totalCount edges { node { id } } }
  }
}"""


def _ids(connection: dict[str, Any]) -> list[str]:
    assert connection["totalCount"] == len(connection["edges"])
    return sorted(e["node"]["id"] for e in connection["edges"])


async def test_the_public_sees_entries_in_force_and_published_records_only(
    world: World, ask: Callable[..., Any]
) -> None:
    variables = {"o": world.org, "s": world.org}
    for caller in (None, Role.PUBLIC, Role.DASHBOARD):
        data = (await ask(VIEW, caller, variables))["data"]
        for entries in (data["listEntries"], data["enterprise"]["listEntries"]):
            assert _ids(entries) == ["PII-E-ACTIVE"]
        for records in (data["records"], data["enterprise"]["records"]):
            assert _ids(records) == ["PII-R-HONOR", "PII-R-PUB"]  # positive: long-term
    for role in (Role.INVESTIGATOR, Role.OFFICER, Role.ANALYST, Role.ADMIN):
        data = (await ask(VIEW, role, variables))["data"]
        statuses = {e["node"]["id"]: e["node"]["status"] for e in data["listEntries"]["edges"]}
        assert statuses == {
            "PII-E-ACTIVE": "ACTIVE",
            "PII-E-EXPIRED": "EXPIRED",
            "PII-E-REMOVED": "REMOVED",
            "PII-E-FUTURE": "ACTIVE",
        }
        assert len(_ids(data["records"])) == 6


FLAGS = """query($a: ID!, $o: ID!) {
  a: subject(id: $a) { flags { flagType public } }
  o: subject(id: $o) { flags { flagType public } }
}"""


async def test_the_public_sees_the_public_flags_in_force_only(
    world: World, ask: Callable[..., Any]
) -> None:
    """P1 extends the serious listing to the legal representative (a public flag); the
    key-attention listing puts the organisation under stricter supervision (not public)."""
    variables = {"a": world.person_a, "o": world.org}
    extended = {"flagType": "PUNISHMENT_EXTENDED", "public": True}
    supervised = {"flagType": "KEY_ATTENTION_SUPERVISION", "public": False}
    for caller in (None, Role.PUBLIC, Role.DASHBOARD):
        data = (await ask(FLAGS, caller, variables))["data"]
        assert data == {"a": {"flags": [extended]}, "o": {"flags": []}}
    data = (await ask(FLAGS, Role.INVESTIGATOR, variables))["data"]
    assert data == {"a": {"flags": [extended]}, "o": {"flags": [supervised]}}


async def test_a_repaired_entry_leaves_the_public_view_and_stays_for_officers(
    world: World, ask: Callable[..., Any]
) -> None:
    entries = (
        "query($o: ID!) { listEntries(subjectId: $o, first: 5) { edges { node { id status } } } }"
    )
    before = await ask(entries, None, {"o": world.repairable_org})
    assert [e["node"]["id"] for e in before["data"]["listEntries"]["edges"]] == ["PII-E-REPAIR"]

    officer = f"officer-{uuid.uuid4().hex[:8]}"
    repair = """mutation { approveRepair(input: {entryId: "PII-E-REPAIR", methods: [RECTIFICATION]})
                { repairId } }"""
    done = await ask(repair, Role.OFFICER, purpose="信用修复审核", subject=officer)
    assert "errors" not in done, done

    after = await ask(entries, None, {"o": world.repairable_org})
    assert after["data"]["listEntries"]["edges"] == []
    kept = await ask(entries, Role.OFFICER, {"o": world.repairable_org})
    assert kept["data"]["listEntries"]["edges"] == [
        {"node": {"id": "PII-E-REPAIR", "status": "REMOVED"}}
    ]
    (event,) = await events(ask, officer)  # written by the service, with the real principal
    assert (event["operation"], event["role"], event["purpose"]) == (
        "approveRepair",
        "officer",
        "信用修复审核",
    )


async def test_a_filter_on_what_the_view_hides_is_refused_not_applied(
    world: World, ask: Callable[..., Any]
) -> None:
    literal = """query($o: ID!) { listEntries(subjectId: $o, first: 5, status: [EXPIRED])
                 { edges { node { id } } } }"""
    by_variable = """query($o: ID!, $s: [ListStatus!]) { listEntries(subjectId: $o, first: 5,
                     status: $s) { edges { node { id } } } }"""
    by_default = """query($o: ID!, $s: [ListStatus!] = [REMOVED]) { listEntries(subjectId: $o,
                    first: 5, status: $s) { edges { node { id } } } }"""
    for caller in (None, Role.PUBLIC, Role.DASHBOARD):
        for query, variables in (
            (literal, {"o": world.org}),
            (by_variable, {"o": world.org, "s": ["ACTIVE", "EXPIRED"]}),
            (by_default, {"o": world.org}),
        ):
            body = await ask(query, caller, variables)
            assert body.get("data") is None, body
            assert codes(body) == ["FORBIDDEN"], body
        allowed = await ask(by_variable, caller, {"o": world.org, "s": ["ACTIVE"]})
        assert [e["node"]["id"] for e in allowed["data"]["listEntries"]["edges"]] == [
            "PII-E-ACTIVE"
        ]
    officer = await ask(literal, Role.OFFICER, {"o": world.org})
    assert [e["node"]["id"] for e in officer["data"]["listEntries"]["edges"]] == ["PII-E-EXPIRED"]


# -- mutations are audited with the real principal -----------------------------------------------
UPSERT_PERSON = """mutation($i: PersonInput!) { upsertPerson(input: $i) { id created } }"""


async def test_a_request_audited_mutation_names_role_purpose_and_the_person_not_the_number(
    world: World, ask: Callable[..., Any]
) -> None:
    officer = f"officer-{uuid.uuid4().hex[:8]}"
    number = citizen(3)
    person = {
        "idNumber": number,
        "name": "隐私丙",
        "address": "杭州市测试街3号",
        "phone": "0571 5555",
    }
    body = await ask(UPSERT_PERSON, Role.OFFICER, {"i": person}, purpose="登记", subject=officer)
    assert "errors" not in body, body
    pid = body["data"]["upsertPerson"]["id"]
    assert pid == person_key(number, KEY).pid

    failed = await ask(
        UPSERT_PERSON,
        Role.OFFICER,
        {"i": {**person, "phone": "call me"}},
        purpose="登记",
        subject=officer,
    )
    assert codes(failed) == ["BAD_USER_INPUT"]

    (event,) = await events(ask, officer)  # the failed upsert wrote nothing and is not logged
    assert (event["operation"], event["role"], event["purpose"]) == (
        "upsertPerson",
        "officer",
        "登记",
    )
    assert event["affectedIds"] == [pid]
    assert number not in str(event)
    assert "杭州" not in str(event)

    read = await ask(
        PERSONAL_DOCUMENTS["direct"].replace("birthDate", "birthDate gender address"),
        Role.OFFICER,
        {"p": pid},
        purpose="核对",
    )
    assert read["data"]["person"]["personalData"] == {
        "birthDate": "1987-02-03",
        "gender": "MALE" if int(number[16]) % 2 else "FEMALE",
        "address": "杭州市测试街3号",
    }


async def test_audit_events_page_and_filter_by_time(world: World, ask: Callable[..., Any]) -> None:
    reader = f"reader-{uuid.uuid4().hex[:8]}"
    for _ in range(3):
        await ask(
            PERSONAL_DOCUMENTS["direct"],
            Role.INVESTIGATOR,
            {"p": world.person_a},
            purpose=PURPOSE,
            subject=reader,
        )
    page = await ask(AUDIT.replace("first: 10", "first: 2"), Role.ADMIN, {"actor": reader})
    connection = page["data"]["auditEvents"]
    assert connection["totalCount"] == 3
    assert len(connection["edges"]) == 2
    ats = [e["node"]["at"] for e in connection["edges"]]
    assert ats == sorted(ats, reverse=True)
    rest = await ask(
        AUDIT, Role.ADMIN, {"actor": reader, "after": connection["edges"][1]["cursor"]}
    )
    assert len(rest["data"]["auditEvents"]["edges"]) == 1
    later = await ask(AUDIT, Role.ADMIN, {"actor": reader, "from": "2999-01-01T00:00:00+00:00"})
    assert later["data"]["auditEvents"]["totalCount"] == 0


async def test_only_the_mutations_that_ran_are_audited(
    world: World, ask: Callable[..., Any]
) -> None:
    """Mutations run in order; the first failure of a non-null mutation stops the rest."""
    officer = f"officer-{uuid.uuid4().hex[:8]}"
    first, never = org_id(4), org_id(5)
    document = """mutation($x: String!, $y: String!) {
      a: upsertEnterprise(input: {uscc: $x, name: "审计甲"}) { created }
      b: upsertEnterprise(input: {uscc: "not-a-uscc", name: "审计乙"}) { created }
      c: upsertEnterprise(input: {uscc: $y, name: "审计丙"}) { created }
    }"""
    body = await ask(document, Role.OFFICER, {"x": first, "y": never}, subject=officer)
    assert body["data"] is None
    assert codes(body) == ["BAD_USER_INPUT"]
    (event,) = await events(ask, officer)
    assert (event["operation"], event["affectedIds"], event["purpose"]) == (
        "upsertEnterprise",
        [first],
        None,
    )
    check = '{ a: enterprise(uscc: "%s") { name } }' % never
    assert codes(await ask(check, Role.OFFICER)) == ["NOT_FOUND"]
