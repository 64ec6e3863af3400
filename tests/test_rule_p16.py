"""P16 (002 HLJ Art.30): a minor one-off act, corrected in time and without harm, is exempt from
constraint and punishment; the subject may be reminded. A record marked MINOR_EXEMPT sends one
reminder to its subject, writes no flag, counts towards no grade, and a repair withdraws it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph.executor import Executor
from graph.importer import import_rows
from graph.risk.grading import grade
from graph.sanctions import flags
from graph.sanctions.notices import NoticeFilter, notices
from seeds.scenarios import load_scenario
from tests.conftest import DELETE_ALL, GQL
from tests.test_rule_p4 import KEY, PRIVATE

pytestmark = pytest.mark.db

DECIDED = date(2026, 5, 6)
AS_OF = date(2026, 6, 30)
RESULT = """mutation($i: HandlingResultInput!) { recordHandlingResult(input: $i) { id } }"""


def penalty(record_id: str, severity: str, **extra: Any) -> dict[str, Any]:
    return {
        "kind": "record",
        "recordId": record_id,
        "recordType": "ADMIN_PENALTY",
        "subjectUscc": PRIVATE,
        "authorityId": "ST-CREDIT",
        "decisionNo": f"哈市监罚〔2026〕{record_id[-2:]}号",
        "decisionDate": DECIDED.isoformat(),
        "publishedAt": DECIDED.isoformat(),
        "penaltyKind": "WARNING",
        "procedure": "GENERAL",
        "severity": severity,
        "status": "PUBLISHED",
        "title": "未按规定公示年度报告，已当场改正",
        **extra,
    }


async def load(executor: Executor, *rows: dict[str, Any]) -> None:
    summary = await import_rows(
        executor,
        [("feed", i, r) for i, r in enumerate(rows, 1)],
        id_key=KEY,
        progress=False,
        propagate=True,
        on=DECIDED,
    )
    assert summary.rejected == 0


@pytest.fixture
async def minor(executor: Executor) -> Executor:
    await executor.write(DELETE_ALL)
    await load_scenario(executor, "state_bodies", KEY)
    await load(executor, penalty("P16-R-01", "MINOR_EXEMPT"))
    return executor


async def test_a_minor_act_sends_one_reminder_and_no_flag(minor: Executor, gql: GQL) -> None:
    rows = await notices(minor, NoticeFilter(subject_sid=PRIVATE), skip=0, limit=10)
    assert [(r["ruleId"], r["recipient"], r["recipientSid"], r["dueOn"]) for r in rows] == [
        ("P16", "SUBJECT", PRIVATE, None)
    ]
    found = await flags.subject_flags(minor, [PRIVATE], as_of=AS_OF, include_ended=True)
    assert found[PRIVATE] == []
    body = await gql(
        '{ notices(filter: {subjectId: "%s"}, first: 5) { edges { node { id text overdue '
        "sourceKind sourceType } } } }" % PRIVATE
    )
    [node] = [e["node"] for e in body["data"]["notices"]["edges"]]
    assert node["text"] == (
        "依据《黑龙江省社会信用条例》第三十条，哈尔滨民营科技有限公司的行政处罚记录（决定文号："
        "哈市监罚〔2026〕01号）属轻微偶发失信行为，已及时改正且未造成社会危害后果，免于失信约束"
        "和惩戒，予以提醒。"
    )
    assert (node["overdue"], node["sourceKind"], node["sourceType"]) == (
        False,
        "RECORD",
        "ADMIN_PENALTY",
    )
    refused = await gql(RESULT, {"i": {"noticeId": node["id"], "result": "x"}})
    assert refused["errors"][0]["extensions"]["code"] == "CONFLICT"


async def test_the_minor_act_counts_towards_no_grade(minor: Executor) -> None:
    assert (await grade(minor, PRIVATE, AS_OF)).grade == "A"
    await load(minor, penalty("P16-R-02", "GENERAL"))  # the same act, not exempt
    graded = await grade(minor, PRIVATE, AS_OF)
    assert (graded.grade, graded.general_count) == ("B", 1)


async def test_a_general_penalty_sends_no_reminder_and_a_repair_withdraws_one(
    minor: Executor,
) -> None:
    await load(minor, penalty("P16-R-02", "GENERAL"))
    rows = await notices(minor, NoticeFilter(subject_sid=PRIVATE), skip=0, limit=10)
    assert [r["sourceId"] for r in rows] == ["P16-R-01"]
    await load(minor, penalty("P16-R-01", "MINOR_EXEMPT", status="REPAIRED"))
    rows = await notices(minor, NoticeFilter(subject_sid=PRIVATE), skip=0, limit=10)
    assert [(r["status"], r["endReason"]) for r in rows] == [("WITHDRAWN", "NO_LONGER_DERIVED")]
