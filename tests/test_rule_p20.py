"""P20 (001 item 8; 002 AHEM §3(3); 002 HN §8): every new serious-list entry is pushed to the
departments taking part in joint punishment; each feeds back how it applied the measures, and a
department still without feedback after the feedback period is marked FEEDBACK_OVERDUE on the
board. Which departments take part, and the period, are [Not in seeds]: authority data and a
setting."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from graph.executor import Executor
from graph.rules import RULES
from graph.sanctions import lifecycle
from graph.sanctions.inputs import RepairIn
from graph.sanctions.rederive import rederive_all
from tests.conftest import GQL
from tests.test_rule_p6 import (
    DECIDED,
    HONGDA,
    OFFICER,
    decision,
    designate,
    huizhou,
)

__all__ = ["huizhou"]  # the fixture

pytestmark = pytest.mark.db

DUE = DECIDED + timedelta(days=RULES.deadlines["feedback"].effective_days)
PARTICIPANTS = {"HZ-CREDIT", "HZ-MARKET", "HZ-TAX"}

PUSHES = """query ($id: ID!) {
  notices(filter: {subjectId: $id, recipient: [PARTICIPANT]}, first: 10) {
    edges { node { id ruleId authorityId recipientName status dueOn result applicationId
                   text } } } }"""

BOARD = """query ($on: Date!) { feedbackBoard(asOf: $on) {
  authorityId name participatesIn pushed answered waiting overdue marks } }"""


async def pushes(gql: GQL, sid: str) -> dict[str, dict[str, Any]]:
    body = await gql(PUSHES, {"id": sid})
    assert "errors" not in body, body
    return {e["node"]["authorityId"]: e["node"] for e in body["data"]["notices"]["edges"]}


async def board(gql: GQL, on: date) -> dict[str, dict[str, Any]]:
    body = await gql(BOARD, {"on": on.isoformat()})
    assert "errors" not in body, body
    return {r["authorityId"]: r for r in body["data"]["feedbackBoard"]}


async def test_a_new_serious_entry_is_pushed_to_each_participating_department(
    huizhou: Executor, gql: GQL
) -> None:
    await designate(huizhou, decision(HONGDA, "SERIOUS_DISHONESTY"))
    found = await pushes(gql, HONGDA)
    assert set(found) == PARTICIPANTS  # not the culture bureau, which takes part in no list
    market = found["HZ-MARKET"]
    assert (market["ruleId"], market["status"], market["dueOn"]) == ("P20", "SENT", DUE.isoformat())
    assert market["text"] == (
        "依据《鞍山市加快推进社会信用体系建设构建以信用为基础的新型监管机制的实施方案》第二部分"
        "第8项，惠州宏达建材有限公司被列入严重失信主体名单（决定文号：惠发改信〔2026〕C09号），"
        "推送至参与联合惩戒部门惠州市市场监督管理局；该部门应依法实施惩戒措施，并于"
        f"{DUE.isoformat()}前反馈落实情况。"
    )


async def test_the_board_marks_a_department_overdue_the_day_after_the_due_day(
    huizhou: Executor, gql: GQL
) -> None:
    await designate(huizhou, decision(HONGDA, "SERIOUS_DISHONESTY"))
    on_due = await board(gql, DUE)
    assert set(on_due) == PARTICIPANTS
    assert {
        (r["pushed"], r["waiting"], r["overdue"], tuple(r["marks"])) for r in on_due.values()
    } == {(1, 1, 0, ())}
    late = await board(gql, DUE + timedelta(days=1))
    assert late["HZ-TAX"]["overdue"] == 1
    assert late["HZ-TAX"]["marks"] == ["FEEDBACK_OVERDUE"]
    assert late["HZ-TAX"]["participatesIn"] == ["SERIOUS_DISHONESTY"]


async def test_feedback_on_a_measure_or_a_handling_result_answers_the_push(
    huizhou: Executor, gql: GQL
) -> None:
    [entry] = await designate(huizhou, decision(HONGDA, "SERIOUS_DISHONESTY"))
    applied = await gql(
        """mutation ($e: ID!, $s: ID!) { applyMeasure(input: {measureCode: "PUN-01",
             subjectId: $s, entryId: $e, authorityId: "HZ-MARKET", appliedAt: "2026-03-05"})
           { id } }""",
        {"e": entry, "s": HONGDA},
    )
    application = applied["data"]["applyMeasure"]["id"]
    # Applying is not yet feedback: the push still waits.
    assert (await pushes(gql, HONGDA))["HZ-MARKET"]["status"] == "SENT"
    body = await gql(
        """mutation ($a: ID!) { submitFeedback(input: {applicationId: $a,
             outcome: "已限制其参加政府采购", submittedAt: "2026-03-12"}) { status } }""",
        {"a": application},
    )
    assert "errors" not in body, body
    tax = (await pushes(gql, HONGDA))["HZ-TAX"]["id"]
    body = await gql(
        """mutation ($n: ID!) { recordHandlingResult(input: {noticeId: $n,
             result: "本部门职责范围内无适用的惩戒措施", handledOn: "2026-03-15"}) { status } }""",
        {"n": tax},
    )
    assert body["data"]["recordHandlingResult"]["status"] == "HANDLED", body
    found = await pushes(gql, HONGDA)
    assert (found["HZ-MARKET"]["status"], found["HZ-MARKET"]["applicationId"]) == (
        "HANDLED",
        application,
    )
    assert found["HZ-MARKET"]["result"] == "已限制其参加政府采购"
    late = await board(gql, DUE + timedelta(days=1))
    assert {a: (r["answered"], r["overdue"]) for a, r in late.items()} == {
        "HZ-CREDIT": (0, 1),
        "HZ-MARKET": (1, 0),
        "HZ-TAX": (1, 0),
    }


async def test_repair_withdraws_the_pushes_still_waiting(huizhou: Executor, gql: GQL) -> None:
    [entry] = await designate(huizhou, decision(HONGDA, "SERIOUS_DISHONESTY"))
    repaired = date(2026, 3, 20)
    repair = RepairIn.model_validate(
        {"entryId": entry, "methods": ["RECTIFICATION"], "completedAt": repaired}
    )
    await lifecycle.approve_repair(huizhou, OFFICER, repair, today=repaired)
    assert {r["status"] for r in (await pushes(gql, HONGDA)).values()} == {"WITHDRAWN"}
    assert {r["pushed"] for r in (await board(gql, DUE + timedelta(days=1))).values()} == {0}


async def test_other_lists_are_not_pushed_and_rederiving_pushes_nothing_new(
    huizhou: Executor, gql: GQL
) -> None:
    await designate(huizhou, decision(HONGDA, "NEGATIVE_LIST"))
    assert await pushes(gql, HONGDA) == {}
    await designate(huizhou, decision(HONGDA, "SERIOUS_DISHONESTY"))
    before = await pushes(gql, HONGDA)
    await rederive_all(huizhou, OFFICER, on=DECIDED + timedelta(days=3))
    assert await pushes(gql, HONGDA) == before  # same ids, same sent day, nothing new


def test_the_feedback_period_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEEDBACK_DUE_DAYS", "15")
    assert RULES.deadlines["feedback"].effective_days == 15
