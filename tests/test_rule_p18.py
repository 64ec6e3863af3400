"""P18 (002 MOHURD (8); 002 HLJ Art.34): an organisation put on the serious list is written into
the member credit file of each association it belonged to on the decision date; the association
may lower the membership level or cancel it under its charter and reports what it did. The file
entry is a notification, never a flag."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from graph.executor import Executor
from graph.rules import RULES
from graph.sanctions import flags, lifecycle
from graph.sanctions.inputs import RepairIn
from tests.conftest import GQL
from tests.test_rule_p6 import (
    ASSOCIATION,
    CHAMBER,
    DECIDED,
    HONGDA,
    JINPENG,
    OFFICER,
    decision,
    designate,
    huizhou,
)

__all__ = ["huizhou"]  # the fixture

pytestmark = pytest.mark.db

FILES = """query ($id: ID!) {
  notices(filter: {subjectId: $id, recipient: [MEMBER_FILE]}, first: 10) {
    totalCount
    edges { node { id ruleId recipientId recipientName status dueOn result text
                   text_en: text(lang: EN) legalBasisText } } } }"""


async def member_files(gql: GQL, sid: str) -> dict[str, dict[str, Any]]:
    body = await gql(FILES, {"id": sid})
    assert "errors" not in body, body
    return {e["node"]["recipientId"]: e["node"] for e in body["data"]["notices"]["edges"]}


async def test_a_listed_member_goes_into_each_association_s_file_of_that_day(
    huizhou: Executor, gql: GQL
) -> None:
    await designate(huizhou, decision(HONGDA, "SERIOUS_DISHONESTY"))
    files = await member_files(gql, HONGDA)
    assert set(files) == {ASSOCIATION, CHAMBER}
    due = (DECIDED + timedelta(days=RULES.deadlines["handling"].effective_days)).isoformat()
    one = files[ASSOCIATION]
    assert (one["ruleId"], one["status"], one["dueOn"]) == ("P18", "SENT", due)
    assert one["recipientName"] == "惠州市建筑业协会"
    assert one["text"] == (
        "依据《住房和城乡建设部2022年信用体系建设工作要点》第（八）项，惠州市建筑业协会的会员"
        "惠州宏达建材有限公司被列入严重失信主体名单（决定文号：惠发改信〔2026〕C09号），记入该"
        "协会商会的会员信用档案；协会商会可依照章程采取降低会员级别、取消会员资格等措施"
        f"（《黑龙江省社会信用条例》第三十四条），并于{due}前告知处理结果。"
    )
    assert "member credit file" in one["text_en"]
    found = await flags.subject_flags(
        huizhou, [ASSOCIATION, CHAMBER], as_of=DECIDED, include_ended=True
    )
    assert all(rows == [] for rows in found.values())  # the association is not sanctioned


async def test_membership_is_read_on_the_decision_date(huizhou: Executor, gql: GQL) -> None:
    await designate(huizhou, decision(JINPENG, "SERIOUS_DISHONESTY"))  # left at the end of 2020
    assert await member_files(gql, JINPENG) == {}
    await designate(huizhou, decision(HONGDA, "SERIOUS_DISHONESTY", date(2019, 6, 1)))
    assert set(await member_files(gql, HONGDA)) == {ASSOCIATION}  # before joining the chamber


async def test_the_association_s_measure_is_recorded_and_repair_withdraws_what_waits(
    huizhou: Executor, gql: GQL
) -> None:
    [entry] = await designate(huizhou, decision(HONGDA, "SERIOUS_DISHONESTY"))
    files = await member_files(gql, HONGDA)
    body = await gql(
        """mutation ($n: ID!) { recordHandlingResult(input: {noticeId: $n,
             result: "依章程降低会员级别（理事单位降为会员单位）", handledOn: "2026-03-20"})
           { status handledOn result } }""",
        {"n": files[ASSOCIATION]["id"]},
    )
    assert body["data"]["recordHandlingResult"]["status"] == "HANDLED", body
    repaired = date(2026, 6, 1)
    repair = RepairIn.model_validate(
        {"entryId": entry, "methods": ["RECTIFICATION"], "completedAt": repaired}
    )
    await lifecycle.approve_repair(huizhou, OFFICER, repair, today=repaired)
    after = await member_files(gql, HONGDA)
    assert {k: v["status"] for k, v in after.items()} == {
        ASSOCIATION: "HANDLED",  # what the association did stays on file
        CHAMBER: "WITHDRAWN",
    }
    assert after[ASSOCIATION]["result"] == "依章程降低会员级别（理事单位降为会员单位）"


async def test_a_negative_list_entry_is_not_written_into_member_files(
    huizhou: Executor, gql: GQL
) -> None:
    await designate(huizhou, decision(HONGDA, "NEGATIVE_LIST"))
    assert await member_files(gql, HONGDA) == {}
