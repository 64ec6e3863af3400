"""P17 (000 Annex 2 part II #18): a financial organisation's credit event is linked to the
practitioner credit files of its directors, supervisors and senior managers on the decision
date: a record link per person, never a flag."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph.executor import Executor
from graph.sanctions import flags
from graph.sanctions.notices import NoticeFilter, notices
from seeds.scenarios import load_scenario
from tests.conftest import DELETE_ALL, GQL
from tests.test_rule_p4 import KEY, PRIVATE, pid
from tests.test_rule_p16 import load, penalty

pytestmark = pytest.mark.db

BANK = "91230100MA1PTE059N"
DIRECTOR, SUPERVISOR, MANAGER = (
    pid("230100198101010115"),
    pid("230100198202020128"),
    pid("230100198303030130"),
)


def bank_penalty(record_id: str, decided: str, **extra: Any) -> dict[str, Any]:
    return penalty(record_id, "GENERAL", subjectUscc=BANK, decisionDate=decided, **extra)


@pytest.fixture
async def scene(executor: Executor) -> Executor:
    await executor.write(DELETE_ALL)
    await load_scenario(executor, "state_bodies", KEY)
    return executor


async def links(executor: Executor) -> set[tuple[str, str, str]]:
    rows = await notices(executor, NoticeFilter(subject_sid=BANK), skip=0, limit=20)
    return {(r["sourceId"], r["recipientSid"], r["status"]) for r in rows if r["ruleId"] == "P17"}


async def test_the_bank_s_penalty_reaches_the_managers_of_that_day(
    scene: Executor, gql: GQL
) -> None:
    await load(scene, bank_penalty("P17-R-01", "2026-02-10"))
    # The supervisor left at the end of 2025: not linked to a 2026 event.
    assert await links(scene) == {
        ("P17-R-01", DIRECTOR, "SENT"),
        ("P17-R-01", MANAGER, "SENT"),
    }
    found = await flags.subject_flags(
        scene, [BANK, DIRECTOR, MANAGER], as_of=date(2026, 3, 1), include_ended=True
    )
    assert all(rows == [] for rows in found.values())  # a link, not a sanction
    body = await gql(
        '{ notices(filter: {subjectId: "%s", recipient: [PRACTITIONER_FILE]}, first: 5) '
        "{ edges { node { recipientId recipientName text dueOn } } } }" % BANK
    )
    texts = {e["node"]["recipientName"]: e["node"] for e in body["data"]["notices"]["edges"]}
    assert set(texts) == {"钱董事", "何行长"}
    assert texts["钱董事"]["dueOn"] is None
    assert texts["钱董事"]["text"].startswith(
        "依据《云浮市加快推进重点领域信用建设构建以信用为基础的新型监管机制分工方案》附件2第二部分"
        "第18项，哈尔滨农商银行股份有限公司的行政处罚记录"
    )


async def test_an_older_event_reaches_the_supervisor_and_a_repair_withdraws_the_links(
    scene: Executor,
) -> None:
    await load(scene, bank_penalty("P17-R-02", "2021-03-01"))
    # The senior manager started in June 2021: not linked to a March 2021 event.
    assert {who for _, who, _ in await links(scene)} == {DIRECTOR, SUPERVISOR}
    await load(scene, bank_penalty("P17-R-02", "2021-03-01", status="REPAIRED"))
    assert {status for _, _, status in await links(scene)} == {"WITHDRAWN"}


async def test_a_non_financial_company_s_penalty_links_nobody(scene: Executor) -> None:
    await load(scene, penalty("P17-R-03", "GENERAL"))
    rows = await notices(scene, NoticeFilter(subject_sid=PRIVATE), skip=0, limit=10)
    assert rows == []
