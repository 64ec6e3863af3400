"""Sanction rules through the write API (issue 5 item 8): a record or role written by a mutation is
propagated in the mutation's own transaction, by the import's engine, with its audit event.

On the `propagation` scenario (cast in tests/test_propagation.py): a violated or false commitment
starts P7 for its subject; an SOE's arrears to SMEs start P3 for its responsible persons; a role
assigned later reaches a listing only when it covers the listing's decision date (ADR 0004), and a
role ended before that date stops being reached. An audit write that fails takes the record and
its flags with it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from stdnum.cn import ric

from graph import audit
from graph.audit import Actor
from graph.executor import Executor, Tx
from graph.sanctions import designation, flags
from graph.sanctions.state import snapshot
from tests.conftest import GQL
from tests.test_audit import Officer
from tests.test_propagation import (
    AC,
    C_OLD_LR,
    DEBT,
    E_LR,
    E_PRIN,
    LR_CUR,
    OFFICER,
    PRIN,
    TODAY,
    A,
    B,
    C,
    E,
    decision,
    load_cast,
)

pytestmark = pytest.mark.db

PURPOSE = "案件 WP-2026-3"
RECORD = (
    """mutation($i: CreditRecordInput!) { recordCreditRecord(input: $i) { recordId created } }"""
)
PERSON = """mutation($i: PersonInput!) { upsertPerson(input: $i) { id } }"""
ASSIGN = """mutation($i: RoleAssignmentInput!) { assignRole(input: $i) { created } }"""
END = """mutation($i: RoleEndInput!) { endRole(input: $i) { to } }"""
COMMITMENTS = """query($s: ID!) { records(subjectId: $s, types: [COMMITMENT], first: 10) {
  edges { node { id ... on CommitmentRecord { commitmentStatus } } } } }"""


@pytest.fixture
async def cast(executor: Executor) -> Executor:
    await load_cast(executor)
    return executor


@pytest.fixture
def ask(gql: GQL, token: Callable[..., str]) -> Officer:
    return Officer(gql, token, PURPOSE)


def citizen(n: int) -> str:
    body = f"2301001979{1 + n // 28 % 12:02d}{1 + n % 28:02d}{n % 100:03d}"
    return body + ric.calc_check_digit(body + "0")


async def in_force(executor: Executor, sid: str) -> set[tuple[str, str]]:
    rows = await flags.subject_flags(executor, [sid], as_of=date.today(), include_ended=False)
    return {(r["sourceId"], r["flagType"]) for r in rows[sid]}


async def flag_ids(executor: Executor, sid: str) -> list[str]:
    rows = await flags.subject_flags(executor, [sid], as_of=date.today(), include_ended=True)
    return [r["flagId"] for r in rows[sid]]


def commitment(record_id: str, status: str, subject: str = C) -> dict[str, Any]:
    return {
        "recordId": record_id,
        "recordType": "COMMITMENT",
        "subjectId": subject,
        "authorityId": "PRP-SAMR",
        "decisionDate": "2024-05-01",
        "publicationEnd": "2027-05-01",
        "commitmentStatus": status,
    }


async def test_a_violated_commitment_starts_p7_in_the_same_change_and_is_audited(
    cast: Executor, ask: Officer
) -> None:
    body = await ask(RECORD, {"i": commitment("WP-CM-01", "VIOLATED")})
    assert body == {"data": {"recordCreditRecord": {"recordId": "WP-CM-01", "created": True}}}
    assert await in_force(cast, C) == {
        ("WP-CM-01", "KEY_SUPERVISION"),
        ("WP-CM-01", "COMMITMENT_INELIGIBLE"),
    }
    for person in (C_OLD_LR, PRIN):  # P7 reaches the subject only
        assert await in_force(cast, person) == set()
    (event,) = await ask.events(cast)
    assert (event["operation"], event["role"], event["purpose"], event["outcome"]) == (
        "recordCreditRecord",
        "officer",
        PURPOSE,
        "OK",
    )
    assert event["affectedIds"] == sorted(["WP-CM-01", C, *await flag_ids(cast, C)])
    shown = await ask(COMMITMENTS, {"s": C})
    assert shown["data"]["records"]["edges"] == [
        {"node": {"id": "WP-CM-01", "commitmentStatus": "VIOLATED"}}
    ]


async def test_a_commitment_found_kept_after_all_ends_its_flags(
    cast: Executor, ask: Officer
) -> None:
    await ask(RECORD, {"i": commitment("WP-CM-02", "FALSE")})
    assert len(await in_force(cast, C)) == 2
    before = await snapshot(cast)
    again = await ask(RECORD, {"i": commitment("WP-CM-02", "FALSE")})
    assert again["data"]["recordCreditRecord"]["created"] is False
    new = [item for item in await snapshot(cast) if item not in before]
    # Re-recording the same record changes no flag: the one new thing is its audit event.
    assert [(kind, key[:2]) for kind, key, _ in new] == [("node", "AE")]
    kept = await ask(RECORD, {"i": commitment("WP-CM-02", "FULFILLED")})
    assert "errors" not in kept, kept
    assert await in_force(cast, C) == set()
    history = await flags.subject_flags(cast, [C], as_of=date.today(), include_ended=True)
    assert sorted((r["flagType"], r["status"], r["endReason"]) for r in history[C]) == [
        ("COMMITMENT_INELIGIBLE", "ENDED", "NO_LONGER_DERIVED"),
        ("KEY_SUPERVISION", "ENDED", "NO_LONGER_DERIVED"),
    ]


async def test_soe_arrears_recorded_through_the_api_reach_its_responsible_persons(
    cast: Executor, ask: Officer
) -> None:
    arrears = {
        "recordId": "WP-AR-01",
        "recordType": "ARREARS",
        "subjectId": E,
        "authorityId": "PRP-FIN",
        "decisionDate": "2024-07-01",
        "arrearsKind": "SME_PAYMENT",
        "amount": 1200000,
    }
    assert "errors" not in await ask(RECORD, {"i": arrears})
    for holder in (E_LR, E_PRIN, B):
        assert await in_force(cast, holder) == {("WP-AR-01", "SOE_ARREARS_ACCOUNTABILITY")}
    assert await in_force(cast, E) == set()
    tax = {**arrears, "recordId": "WP-AR-02", "arrearsKind": "TAX"}  # not what P3 covers
    assert "errors" not in await ask(RECORD, {"i": tax})
    assert await in_force(cast, E_LR) == {("WP-AR-01", "SOE_ARREARS_ACCOUNTABILITY")}


async def test_a_back_dated_role_is_reached_and_a_later_one_is_not(
    cast: Executor, ask: Officer
) -> None:
    done = await designation.designate(cast, OFFICER, [decision()], on=TODAY)  # A, 2024-06-01
    entry = done.entry_ids[0]
    people = []
    for n in (1, 2, 3):
        person = await ask(PERSON, {"i": {"idNumber": citizen(n), "name": f"补录人{n}"}})
        people.append(person["data"]["upsertPerson"]["id"])
    back, late, principal = people
    roles = [
        ("ACTUAL_CONTROLLER_OF", back, "2020-01-01"),  # covers the decision date: reached
        ("ACTUAL_CONTROLLER_OF", late, "2024-06-02"),  # starts the day after: not reached
        ("PRINCIPAL_OF", principal, "2020-01-01"),  # A had a legal representative that day
    ]
    for role, holder, start in roles:
        given = {"role": role, "holderId": holder, "organizationUscc": A, "from": start}
        assert (await ask(ASSIGN, {"i": given}))["data"]["assignRole"]["created"] is True
    rows = (await flags.subject_flags(cast, [back], as_of=date.today(), include_ended=False))[back]
    assert [(r["sourceId"], r["flagType"], r["ruleId"]) for r in rows] == [
        (entry, "PUNISHMENT_EXTENDED", "P1")
    ]
    assert rows[0]["paths"] == [
        {
            "role": "ACTUAL_CONTROLLER_OF",
            "from": date(2020, 1, 1),
            "to": None,
            "viaSid": A,
            "viaName": "哈尔滨甲食品有限公司",
        }
    ]
    assert await in_force(cast, late) == set()
    assert await in_force(cast, principal) == set()
    for holder in (LR_CUR, AC, DEBT):  # the holders reached before are reached still
        assert await in_force(cast, holder) == {(entry, "PUNISHMENT_EXTENDED")}
    found = await ask.events(cast, "assignRole")
    assert sorted(e["affectedIds"] for e in found) == sorted(
        [
            sorted([back, A, rows[0]["flagId"]]),
            sorted([late, A]),
            sorted([principal, A]),
        ]
    )
    assert {(e["role"], e["purpose"]) for e in found} == {("officer", PURPOSE)}


async def test_a_role_ended_before_the_decision_date_is_no_longer_reached(
    cast: Executor, ask: Officer
) -> None:
    done = await designation.designate(cast, OFFICER, [decision()], on=TODAY)
    entry = done.entry_ids[0]
    (flag,) = await flag_ids(cast, LR_CUR)
    role = {
        "role": "LEGAL_REPRESENTATIVE_OF",
        "holderId": LR_CUR,
        "organizationUscc": A,
        "from": "2019-03-01",
        "to": "2024-05-31",  # the record was wrong: the role ended before the listing
    }
    assert (await ask(END, {"i": role}))["data"]["endRole"]["to"] == "2024-05-31"
    assert await in_force(cast, LR_CUR) == set()
    history = await flags.subject_flags(cast, [LR_CUR], as_of=date.today(), include_ended=True)
    assert [(r["status"], r["endReason"]) for r in history[LR_CUR]] == [
        ("ENDED", "NO_LONGER_DERIVED")
    ]
    assert await in_force(cast, AC) == {(entry, "PUNISHMENT_EXTENDED")}
    (event,) = await ask.events(cast)
    assert (event["operation"], event["affectedIds"]) == ("endRole", sorted([LR_CUR, A, flag]))


async def test_a_failed_audit_write_takes_the_record_and_its_flags_with_it(
    cast: Executor, ask: Officer, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = "AE-TAKEN-" + uuid.uuid4().hex

    async def first(tx: Tx) -> str:
        return await audit.record_event(tx, Actor("setup"), "setup", {}, [])

    monkeypatch.setattr(audit, "new_event_id", lambda: taken)
    await cast.unit(first)
    before = await snapshot(cast)
    body = await ask(RECORD, {"i": commitment("WP-CM-03", "VIOLATED")})
    monkeypatch.undo()
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["CONFLICT"]
    assert await snapshot(cast) == before
    assert await in_force(cast, C) == set()
    shown = await ask(COMMITMENTS, {"s": C})
    assert shown["data"]["records"]["edges"] == []
    assert await ask.events(cast) == []
