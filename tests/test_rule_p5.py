"""Notifications with a listing (002 HLJ Art.32): P4 tells a listed state body's superior and
the audit office; P5 tells a listed public servant's employer, the discipline body and the
personnel department. Each waits for a handling result; removal withdraws those still waiting.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from graph.executor import Executor
from graph.propagation import engine
from graph.rules import RULES
from graph.sanctions import designation, lifecycle
from graph.sanctions.inputs import RepairIn
from graph.sanctions.notices import NoticeFilter, notices
from seeds.scenarios import load_scenario
from tests.conftest import DELETE_ALL, GQL
from tests.test_rule_p4 import DECIDED, KEY, OFFICER, ORGAN, PRIVATE, SOE, decision, pid

pytestmark = pytest.mark.db

PUBLIC_SERVANT = pid("230100197808080083")
SOE_STAFF = pid("230100197909090096")
FORMER = pid("230100198010100107")
DUE = DECIDED + timedelta(days=RULES.deadlines["handling"].effective_days)
BOARD = """query($f: NoticeFilter) {
  notices(filter: $f, first: 50) {
    totalCount
    edges { node { id ruleId recipient recipientId subjectId status dueOn
                   overdue(asOf: "%s") text recipientText legalBasisText } }
  }
}""" % (DUE + timedelta(days=1)).isoformat()
RESULT = """mutation($i: HandlingResultInput!) {
  recordHandlingResult(input: $i) { id status result handledOn }
}"""


@pytest.fixture
async def listed(executor: Executor) -> list[str]:
    await executor.write(DELETE_ALL)
    await load_scenario(executor, "state_bodies", KEY)
    subjects = (ORGAN, SOE, PRIVATE, PUBLIC_SERVANT, SOE_STAFF, FORMER)
    done = await designation.designate(
        executor, OFFICER, [decision(s) for s in subjects], on=DECIDED
    )
    return list(done.entry_ids)


async def sent(executor: Executor) -> set[tuple[str, str, str, str | None]]:
    rows = await notices(executor, NoticeFilter(), skip=0, limit=100)
    return {(r["ruleId"], r["subjectSid"], r["recipient"], r["recipientSid"]) for r in rows}


async def test_each_listing_sends_exactly_the_notifications_the_seed_names(
    listed: list[str], executor: Executor
) -> None:
    assert await sent(executor) == {
        ("P4", ORGAN, "SUPERIOR", None),
        ("P4", ORGAN, "AUDIT", None),
        ("P4", SOE, "SUPERIOR", None),
        ("P4", SOE, "AUDIT", None),
        ("P5", PUBLIC_SERVANT, "EMPLOYER", ORGAN),
        ("P5", PUBLIC_SERVANT, "DISCIPLINE", None),
        ("P5", PUBLIC_SERVANT, "PERSONNEL", None),
    }
    # Not the private company, not a state enterprise's ordinary staff, not a former servant.
    again = await executor.unit(
        lambda tx: engine.propagate_entries(tx, listed, on=DECIDED), name="test"
    )
    assert again.created_notices == []  # propagating again sends nothing new
    assert len(again.notices) == 7


async def test_the_board_shows_results_due_and_a_result_closes_one(
    listed: list[str], gql: GQL
) -> None:
    body = await gql(BOARD, {"f": {"overdueOn": (DUE + timedelta(days=1)).isoformat()}})
    assert "errors" not in body, body
    board = body["data"]["notices"]
    assert board["totalCount"] == 7
    employer = next(e["node"] for e in board["edges"] if e["node"]["recipient"] == "EMPLOYER")
    assert employer["recipientId"] == ORGAN
    assert employer["overdue"] is True
    assert employer["dueOn"] == DUE.isoformat()
    assert employer["legalBasisText"] == "《黑龙江省社会信用条例》第三十二条"
    assert employer["text"].startswith(
        "依据《黑龙江省社会信用条例》第三十二条，吴公务被列入严重失信主体名单"
    )
    assert "哈尔滨市某区自然资源局" in employer["text"]

    done = await gql(
        RESULT,
        {"i": {"noticeId": employer["id"], "result": "给予警告处分", "handledOn": "2026-03-20"}},
    )
    assert "errors" not in done, done
    assert done["data"]["recordHandlingResult"] == {
        "id": employer["id"],
        "status": "HANDLED",
        "result": "给予警告处分",
        "handledOn": "2026-03-20",
    }
    twice = await gql(RESULT, {"i": {"noticeId": employer["id"], "result": "again"}})
    assert twice["errors"][0]["extensions"]["code"] == "CONFLICT"
    body = await gql(BOARD, {"f": {"overdueOn": (DUE + timedelta(days=1)).isoformat()}})
    assert body["data"]["notices"]["totalCount"] == 6
    unknown = await gql(RESULT, {"i": {"noticeId": "N-NOPE", "result": "x"}})
    assert unknown["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_removal_withdraws_what_still_waits_and_keeps_what_was_handled(
    listed: list[str], executor: Executor, gql: GQL
) -> None:
    rows = await notices(executor, NoticeFilter(subject_sid=PUBLIC_SERVANT), skip=0, limit=10)
    handled = next(r for r in rows if r["recipient"] == "EMPLOYER")
    await gql(RESULT, {"i": {"noticeId": handled["noticeId"], "result": "已处理"}})
    entry = listed[3]
    corrected = DECIDED + timedelta(days=5)
    repair = RepairIn.model_validate(
        {"entryId": entry, "methods": ["RECTIFICATION"], "completedAt": corrected}
    )
    await lifecycle.approve_repair(executor, OFFICER, repair, today=corrected)
    after = await notices(executor, NoticeFilter(subject_sid=PUBLIC_SERVANT), skip=0, limit=10)
    assert {(r["recipient"], r["status"], r["endReason"]) for r in after} == {
        ("EMPLOYER", "HANDLED", None),
        ("DISCIPLINE", "WITHDRAWN", "REPAIRED"),
        ("PERSONNEL", "WITHDRAWN", "REPAIRED"),
    }


def test_notifications_are_not_sanctions() -> None:
    for rid in ("P4", "P5"):
        assert all(f in RULES.flag_types for f in RULES.rules[rid].effect.all_flags)
    assert RULES.rules["P5"].effect.all_flags == ()
    assert date(2026, 1, 1) < DUE
