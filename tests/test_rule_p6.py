"""P6 (002 HZ §15): an enterprise on the Huizhou "enterprise and legal-representative negative
list" has its legal representative on the decision date listed with it, in an entry derived from
the enterprise's, and removed with it. The listing criteria themselves are [Not in seeds]: the
officer's designation decides them."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph.audit import Actor
from graph.executor import Executor
from graph.identifiers import person_key
from graph.sanctions import designation, flags, lifecycle
from graph.sanctions.inputs import DesignationIn, RepairIn
from seeds.scenarios import load_scenario
from tests.conftest import DELETE_ALL, GQL

pytestmark = pytest.mark.db

KEY = b"test-hash-key"
OFFICER = Actor("officer-hz", "sanction_officer")
DECIDED = date(2026, 3, 2)
ASSOCIATION, CHAMBER = "51441300MA00XGRA4T", "51441300MA00XGRB2M"
HONGDA, JINPENG, WULIU = "91441302MA00XGRC09", "91441302MA00XGRD96", "91441303MA00XGRE7F"


def pid(number: str) -> str:
    return person_key(number, KEY).pid


HUANG, LIN, CHEN, WU = (
    pid("440100197503151011"),
    pid("440100196905051027"),
    pid("440100198007221038"),
    pid("440100197801091045"),
)


def decision(subject: str, list_type: str, decided: date = DECIDED, **extra: Any) -> DesignationIn:
    return DesignationIn.model_validate(
        {
            "listType": list_type,
            "subjectId": subject,
            "authorityId": "HZ-CREDIT",
            "decisionNo": f"惠发改信〔{decided.year}〕{subject[-3:]}号",
            "decisionDate": decided,
            "reason": "以虚假材料骗取政府补贴，情节严重",
            "legalBasis": "《惠州市开展广东省信用建设服务实体经济发展试点2022年工作要点》第十五项",
            "validUntil": date(decided.year + 3, decided.month, 1),
            "removalConditions": "纠正失信行为并完成信用修复",
            "remedies": "可依法申请行政复议或者提起行政诉讼",
            **extra,
        }
    )


@pytest.fixture
async def huizhou(executor: Executor) -> Executor:
    await executor.write(DELETE_ALL)
    await load_scenario(executor, "huizhou", KEY)
    await load_scenario(executor, "measures", KEY)
    return executor


async def designate(executor: Executor, *decisions: DesignationIn, on: date = DECIDED) -> list[str]:
    done = await designation.designate(executor, OFFICER, list(decisions), on=on)
    return list(done.entry_ids)


ENTRIES = """query ($id: ID!) {
  listEntries(filter: {subjectId: $id}, first: 10) {
    edges { node { id listType status reason removalReason decisionNo validUntil
                   subject { id name } } } } }"""


async def entries(gql: GQL, sid: str) -> list[dict[str, Any]]:
    body = await gql(ENTRIES, {"id": sid})
    assert "errors" not in body, body
    return [e["node"] for e in body["data"]["listEntries"]["edges"]]


async def test_the_legal_representative_of_that_day_is_listed_with_the_enterprise(
    huizhou: Executor, gql: GQL
) -> None:
    [entry] = await designate(huizhou, decision(HONGDA, "NEGATIVE_LIST"))
    [own] = await entries(gql, HUANG)
    assert own["listType"] == "NEGATIVE_LIST"
    assert own["status"] == "ACTIVE"
    assert own["id"].startswith(f"{entry}-P6-")
    assert own["decisionNo"] == "惠发改信〔2026〕C09号"
    assert own["validUntil"] == "2029-03-01"
    assert own["reason"] == (
        "因担任惠州宏达建材有限公司的法定代表人（2018-03-01起），惠州宏达建材有限公司被列入"
        "企业及法定代表人负面清单（惠发改信〔2026〕C09号），依据《惠州市开展广东省信用建设服务"
        "实体经济发展试点2022年工作要点》第（十五）项，一并列入企业及法定代表人负面清单"
    )
    # Not the former legal representative, not the director; no flag: the entry is the effect.
    assert await entries(gql, LIN) == []
    assert await entries(gql, WU) == []
    found = await flags.subject_flags(huizhou, [HONGDA, HUANG], as_of=DECIDED, include_ended=True)
    assert all(rows == [] for rows in found.values())


async def test_an_older_decision_reaches_the_legal_representative_of_its_day(
    huizhou: Executor, gql: GQL
) -> None:
    await designate(huizhou, decision(HONGDA, "NEGATIVE_LIST", date(2017, 6, 1)))
    assert [e["listType"] for e in await entries(gql, LIN)] == ["NEGATIVE_LIST"]
    assert await entries(gql, HUANG) == []


async def test_repair_of_the_enterprise_entry_removes_the_person_s_entry(
    huizhou: Executor, gql: GQL
) -> None:
    [entry] = await designate(huizhou, decision(HONGDA, "NEGATIVE_LIST"))
    repaired = date(2026, 6, 1)
    repair = RepairIn.model_validate(
        {"entryId": entry, "methods": ["RECTIFICATION"], "completedAt": repaired}
    )
    await lifecycle.approve_repair(huizhou, OFFICER, repair, today=repaired)
    [own] = await entries(gql, HUANG)
    assert (own["status"], own["removalReason"]) == ("REMOVED", "REPAIRED")


async def test_a_punishment_measure_may_be_applied_to_the_listed_legal_representative(
    huizhou: Executor, gql: GQL
) -> None:
    await designate(huizhou, decision(HONGDA, "NEGATIVE_LIST"))
    [own] = await entries(gql, HUANG)
    body = await gql(
        """mutation ($e: ID!, $s: ID!) { applyMeasure(input: {measureCode: "PUN-01",
             subjectId: $s, entryId: $e, authorityId: "HZ-MARKET", appliedAt: "2026-03-10"})
           { id status } }""",
        {"e": own["id"], "s": HUANG},
    )
    assert "errors" not in body, body
    assert body["data"]["applyMeasure"]["status"] == "APPLIED"


async def test_a_serious_listing_or_a_person_s_own_entry_derives_nothing_under_p6(
    huizhou: Executor, gql: GQL
) -> None:
    await designate(huizhou, decision(JINPENG, "SERIOUS_DISHONESTY"))
    assert [e["listType"] for e in await entries(gql, CHEN)] == []  # P1 flags, no entry
    await designate(huizhou, decision(CHEN, "NEGATIVE_LIST"))
    assert [e["listType"] for e in await entries(gql, CHEN)] == ["NEGATIVE_LIST"]  # only its own


async def test_the_preview_names_the_person_the_derived_entry_lists(
    gql: GQL, huizhou: Executor
) -> None:
    body = await gql(
        """query ($s: ID!) { previewPropagation(input: {listType: NEGATIVE_LIST, subjectId: $s,
             authorityId: "HZ-CREDIT", decisionNo: "惠发改信〔2026〕1号",
             decisionDate: "2026-03-02",
             reason: "r", legalBasis: "b", validUntil: "2029-03-01", removalConditions: "c",
             remedies: "d"}) { derivedEntries { listType ruleId subjectId } } }""",
        {"s": HONGDA},
    )
    assert "errors" not in body, body
    assert body["data"]["previewPropagation"]["derivedEntries"] == [
        {"listType": "NEGATIVE_LIST", "ruleId": "P6", "subjectId": HUANG}
    ]
