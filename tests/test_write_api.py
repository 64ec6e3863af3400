"""The write API: upsertEnterprise, upsertPerson, assignRole, endRole, recordCreditRecord, with
bad input.

Each test uses its own business keys (no emptying of the shared database).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import pytest
from stdnum.cn import ric, uscc

from graph.executor import Executor
from graph.identifiers import person_key
from graph.importer import import_rows
from resolvers import enums
from tests.conftest import GQL

KEY = b"test-hash-key"  # the test settings' CREDITGRAPH_ID_HASH_KEY

UPSERT_ENTERPRISE = """mutation($i: EnterpriseInput!) {
  upsertEnterprise(input: $i) { created enterprise { uscc name region } } }"""
UPSERT_PERSON = """mutation($i: PersonInput!) {
  upsertPerson(input: $i) { id idMasked name created } }"""
ASSIGN = """mutation($i: RoleAssignmentInput!) {
  assignRole(input: $i) { role holderId organizationUscc from to ratio position created } }"""
END = """mutation($i: RoleEndInput!) {
  endRole(input: $i) { role holderId organizationUscc from to created } }"""
RECORD = """mutation($i: CreditRecordInput!) {
  recordCreditRecord(input: $i) { recordId created } }"""


def org_id(n: int) -> str:
    body = f"91310000WA{n:07d}"
    return body + uscc.calc_check_digit(body)


def citizen(n: int) -> str:
    body = f"3101011985{1 + n // 28 % 12:02d}{1 + n % 28:02d}{n % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


async def orgs(executor: Executor, *numbers: int) -> list[str]:
    rows = [
        ("test", n, {"kind": "organization", "uscc": org_id(n), "name": f"写入测试{n}"})
        for n in numbers
    ]
    summary = await import_rows(executor, rows, id_key=KEY, progress=False)
    assert summary.rejected == 0
    return [org_id(n) for n in numbers]


def error(body: dict[str, Any]) -> tuple[str, str]:
    assert body["data"] is None, body
    first = body["errors"][0]
    return first["extensions"]["code"], first["message"]


# -- enums (no database) ---------------------------------------------------------------------------
@pytest.mark.parametrize(("enum", "values"), list(enums.MODEL_VOCABULARIES.items()))
def test_enums_equal_the_model_vocabularies(enum: type[Enum], values: tuple[str, ...]) -> None:
    assert tuple(m.value for m in enum) == values


@pytest.mark.parametrize(
    "enum",
    [enums.RoleType, enums.OrgKind, enums.RecordType, enums.ListType, enums.PenaltyKind],
)
def test_model_enum_values_are_described_from_the_model(enum: type[Enum]) -> None:
    definition = enum.__strawberry_definition__  # type: ignore[attr-defined]
    assert definition.description
    for value in definition.values:
        assert value.description, value.name


# -- upsertEnterprise ------------------------------------------------------------------------------
@pytest.mark.db
async def test_upsert_enterprise_creates_then_updates_and_never_changes_a_kind(
    gql: GQL, executor: Executor
) -> None:
    company = org_id(80)
    first = await gql(
        UPSERT_ENTERPRISE, {"i": {"uscc": company, "name": "企业80", "region": "310101"}}
    )
    again = await gql(UPSERT_ENTERPRISE, {"i": {"uscc": company, "name": "企业80（更名）"}})
    assert first["data"]["upsertEnterprise"] == {
        "created": True,
        "enterprise": {"uscc": company, "name": "企业80", "region": "310101"},
    }
    assert again["data"]["upsertEnterprise"] == {
        "created": False,
        "enterprise": {"uscc": company, "name": "企业80（更名）", "region": "310101"},
    }
    row = {"kind": "organization", "uscc": org_id(81), "name": "事业单位81"}
    institution = {**row, "orgKind": "PUBLIC_INSTITUTION"}
    assert (
        await import_rows(executor, [("t", 1, institution)], id_key=KEY, progress=False)
    ).rejected == 0
    clash = await gql(UPSERT_ENTERPRISE, {"i": {"uscc": org_id(81), "name": "冒名企业"}})
    assert error(clash)[0] == "CONFLICT"


# -- upsertPerson ----------------------------------------------------------------------------------
@pytest.mark.db
async def test_upsert_person_returns_public_id_and_masked_number_only(gql: GQL) -> None:
    number = citizen(1)
    key = person_key(number, KEY)
    first = await gql(UPSERT_PERSON, {"i": {"idNumber": number, "name": "赵六"}})
    again = await gql(UPSERT_PERSON, {"i": {"idNumber": number.lower(), "name": "赵六"}})
    assert first == {
        "data": {
            "upsertPerson": {
                "id": key.pid,
                "idMasked": key.id_masked,
                "name": "赵六",
                "created": True,
            }
        }
    }
    assert again["data"]["upsertPerson"]["created"] is False
    assert number not in str(first) + str(again)


@pytest.mark.db
@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"idNumber": "110105194912310021", "name": "甲"}, "idNumber"),  # check digit
        ({"idNumber": "123", "name": "甲"}, "idNumber"),
        ({"idNumber": "AB1", "idType": "OTHER_VALID_ID", "name": "甲"}, "idNumber"),
        ({"idNumber": "11010519491231002X", "name": ""}, "name"),
    ],
)
async def test_upsert_person_bad_input(gql: GQL, given: dict[str, Any], field: str) -> None:
    code, message = error(await gql(UPSERT_PERSON, {"i": given}))
    assert code == "BAD_USER_INPUT"
    assert message.startswith(f"{field}: ")
    assert given["idNumber"] not in message or len(given["idNumber"]) < 6


# -- assignRole / endRole --------------------------------------------------------------------------
@pytest.mark.db
async def test_assign_then_end_a_role(gql: GQL, executor: Executor) -> None:
    (company,) = await orgs(executor, 10)
    person = await gql(UPSERT_PERSON, {"i": {"idNumber": citizen(10), "name": "钱七"}})
    pid = person["data"]["upsertPerson"]["id"]
    role = {
        "role": "LEGAL_REPRESENTATIVE_OF",
        "holderId": pid,
        "organizationUscc": company.lower(),
        "from": "2021-03-01",
    }

    first = await gql(ASSIGN, {"i": role})
    again = await gql(ASSIGN, {"i": role})
    ended = await gql(END, {"i": {**role, "to": "2023-06-30"}})

    assert first["data"]["assignRole"] == {
        "role": "LEGAL_REPRESENTATIVE_OF",
        "holderId": pid,
        "organizationUscc": company,
        "from": "2021-03-01",
        "to": None,
        "ratio": None,
        "position": None,
        "created": True,
    }
    assert again["data"]["assignRole"]["created"] is False
    assert ended["data"]["endRole"]["to"] == "2023-06-30"
    assert ended["data"]["endRole"]["created"] is False


@pytest.mark.db
async def test_an_organisation_can_hold_a_share(gql: GQL, executor: Executor) -> None:
    owner, company = await orgs(executor, 20, 21)
    body = await gql(
        ASSIGN,
        {
            "i": {
                "role": "SHAREHOLDER_OF",
                "holderId": owner,
                "organizationUscc": company,
                "from": "2019-01-01",
                "ratio": 0.35,
            }
        },
    )
    assert body["data"]["assignRole"]["ratio"] == 0.35
    assert body["data"]["assignRole"]["created"] is True


@pytest.mark.db
@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"organizationUscc": "91310000WA0000000X"}, "BAD_USER_INPUT", "organizationUscc"),
        ({"holderId": "nobody"}, "BAD_USER_INPUT", "holderId"),
        ({"to": "2020-12-31"}, "BAD_USER_INPUT", "to"),
        ({"ratio": 0.5}, "BAD_USER_INPUT", "ratio"),
        ({"position": "CASHIER"}, "BAD_USER_INPUT", "position"),
        ({"holderId": "P0000000000000000"}, "NOT_FOUND", "holderId"),
        ({"organizationUscc": org_id(39)}, "NOT_FOUND", "organizationUscc"),  # never created
    ],
)
async def test_assign_role_errors(
    gql: GQL, executor: Executor, change: dict[str, Any], code: str, field: str
) -> None:
    (company,) = await orgs(executor, 30)
    person = await gql(UPSERT_PERSON, {"i": {"idNumber": citizen(30), "name": "孙八"}})
    role = {
        "role": "DIRECTOR_OF",
        "holderId": person["data"]["upsertPerson"]["id"],
        "organizationUscc": company,
        "from": "2021-01-01",
        **change,
    }
    body = await gql(ASSIGN, {"i": role})
    got_code, message = error(body)
    assert got_code == code, message
    assert body["errors"][0]["extensions"]["field"] == field


@pytest.mark.db
async def test_a_person_only_role_refuses_an_organisation_holder(
    gql: GQL, executor: Executor
) -> None:
    owner, company = await orgs(executor, 40, 41)
    role = {
        "role": "LEGAL_REPRESENTATIVE_OF",
        "holderId": owner,
        "organizationUscc": company,
        "from": "2021-01-01",
    }
    assert error(await gql(ASSIGN, {"i": role})) == (
        "BAD_USER_INPUT",
        "role: LEGAL_REPRESENTATIVE_OF cannot be held by an organisation",
    )


@pytest.mark.db
async def test_end_role_errors(gql: GQL, executor: Executor) -> None:
    (company,) = await orgs(executor, 50)
    person = await gql(UPSERT_PERSON, {"i": {"idNumber": citizen(50), "name": "周九"}})
    role = {
        "role": "SUPERVISOR_OF",
        "holderId": person["data"]["upsertPerson"]["id"],
        "organizationUscc": company,
        "from": "2022-01-01",
        "to": "2022-12-31",
    }
    assert error(await gql(END, {"i": role}))[0] == "NOT_FOUND"
    await gql(ASSIGN, {"i": {k: v for k, v in role.items() if k != "to"}})
    assert error(await gql(END, {"i": {**role, "to": "2021-12-31"}}))[0] == "BAD_USER_INPUT"
    assert error(await gql(END, {"i": {**role, "from": "2022-01-02"}}))[0] == "NOT_FOUND"
    assert (await gql(END, {"i": role}))["data"]["endRole"]["to"] == "2022-12-31"


# -- recordCreditRecord ----------------------------------------------------------------------------
@pytest.mark.db
async def test_record_a_credit_record(gql: GQL, executor: Executor) -> None:
    (company,) = await orgs(executor, 60)
    record = {
        "recordId": "API-R-60",
        "recordType": "ADMIN_PENALTY",
        "subjectId": company,
        "decisionDate": "2024-02-01",
        "penaltyKind": "FINE",
        "procedure": "GENERAL",
        "amount": 20000,
    }
    first = await gql(RECORD, {"i": record})
    again = await gql(RECORD, {"i": {**record, "amount": 30000}})
    assert first == {"data": {"recordCreditRecord": {"recordId": "API-R-60", "created": True}}}
    assert again["data"]["recordCreditRecord"]["created"] is False
    honor = {**record, "recordType": "HONOR", "penaltyKind": None, "procedure": None}
    clash = await gql(RECORD, {"i": honor})
    assert error(clash)[0] == "CONFLICT"


@pytest.mark.db
@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"recordType": "PERSON_DISHONESTY", "penaltyKind": None}, "BAD_USER_INPUT"),
        ({"recordType": "HONOR"}, "BAD_USER_INPUT"),  # penaltyKind on a non-penalty
        ({"publicationEnd": "2020-01-01"}, "BAD_USER_INPUT"),  # before the decision
        ({"amount": -1}, "BAD_USER_INPUT"),
        ({"subjectId": "P0000000000000000"}, "NOT_FOUND"),
        ({"authorityId": "NO-SUCH-AUTHORITY"}, "NOT_FOUND"),
    ],
)
async def test_record_credit_record_errors(
    gql: GQL, executor: Executor, change: dict[str, Any], code: str
) -> None:
    (company,) = await orgs(executor, 70)
    record = {
        "recordId": f"API-R-70-{code}",
        "recordType": "ADMIN_PENALTY",
        "subjectId": company,
        "decisionDate": "2024-02-01",
        "penaltyKind": "FINE",
        **change,
    }
    assert error(await gql(RECORD, {"i": record}))[0] == code
