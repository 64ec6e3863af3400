"""Cross-list checks on the `risk_clusters` scenario: red-black conflicts and the credit check.

Lists in force today (seeds/scenarios/risk_clusters.jsonl): K1 SERIOUS_DISHONESTY and RED_LIST
(a conflict); K5 KEY_ATTENTION and RED_LIST (a conflict); K7 RED_LIST only; K9 SERIOUS_DISHONESTY
with a RED_LIST entry that was REMOVED (no conflict); K4 JUDGMENT_DEFAULTER.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.executor import Executor
from graph.risk.checks import verdict
from tests.conftest import GQL

KEY = b"test-hash-key"
K1, K4, K5, K7 = (
    "91110108MARK0K001J",
    "91110108MARK0K004U",
    "91110108MARK0K005Y",
    "91110108MARK0K0075",
)
CHECK = """mutation($u: String!, $item: String!) {
  creditCheck(uscc: $u, businessItem: $item) {
    id checkedAt businessItem verdict subject { id name }
    activeEntries { id listType } flags { flagType ruleId }
    riskIndicators { source { id } linkKinds } grade { grade treatment { spotChecks } }
  }
}"""
CONFLICTS = """query($first: Int!) {
  redBlackConflicts(first: $first) {
    totalCount
    edges { node { subject { id } redEntries { id } blackEntries { id listType } } }
  }
}"""


def entry(list_type: str) -> dict[str, Any]:
    return {"entryId": "E", "listType": list_type}


@pytest.mark.parametrize(
    ("entries", "flags", "indicators", "grade", "expected"),
    [
        ([], [], [], "A", "CLEAR"),
        ([entry("RED_LIST")], [], [], "A", "CLEAR"),
        ([entry("KEY_ATTENTION")], [], [], "A", "ATTENTION"),
        ([], [{"flagId": "F"}], [], "A", "ATTENTION"),
        ([], [], [{"indicatorId": "I"}], "A", "ATTENTION"),
        ([], [], [], "B", "ATTENTION"),
        ([entry("JUDGMENT_DEFAULTER")], [], [], "C", "SERIOUS"),
        ([entry("SERIOUS_DISHONESTY"), entry("RED_LIST")], [], [], "A", "SERIOUS"),
        ([], [], [], "D", "SERIOUS"),
    ],
)
def test_verdicts(
    entries: list[Any], flags: list[Any], indicators: list[Any], grade: str, expected: str
) -> None:
    assert verdict(entries, flags, indicators, grade) == expected


@pytest.fixture(scope="module")
async def lists(executor: Executor) -> Executor:
    from seeds.scenarios import load_scenario
    from tests.conftest import DELETE_ALL

    await executor.write(DELETE_ALL)
    await load_scenario(executor, "risk_clusters", KEY)
    return executor


@pytest.mark.db
async def test_red_black_conflicts(gql: GQL, lists: Executor) -> None:
    body = await gql(CONFLICTS, {"first": 10})
    assert "errors" not in body, body
    page = body["data"]["redBlackConflicts"]
    assert page["totalCount"] == 2
    nodes = [e["node"] for e in page["edges"]]
    assert nodes == [
        {
            "subject": {"id": K1},
            "redEntries": [{"id": "CL-R01"}],
            "blackEntries": [{"id": "CL-L01", "listType": "SERIOUS_DISHONESTY"}],
        },
        {
            "subject": {"id": K5},
            "redEntries": [{"id": "CL-R02"}],
            "blackEntries": [{"id": "CL-L05", "listType": "KEY_ATTENTION"}],
        },
    ]


@pytest.mark.db
async def test_the_analyst_file_finds_the_same_conflicts(lists: Executor) -> None:
    from datetime import date

    from graph.risk.analytics import run_query

    rows = await run_query(lists, "red_black_conflicts", {}, date.today())
    assert [(r["sid"], r["redEntries"], r["blackEntries"]) for r in rows] == [
        (K1, ["RED_LIST CL-R01"], ["SERIOUS_DISHONESTY CL-L01"]),
        (K5, ["RED_LIST CL-R02"], ["KEY_ATTENTION CL-L05"]),
    ]


@pytest.mark.db
async def test_credit_check_answers_in_one_go_and_records_the_check(
    gql: GQL, lists: Executor
) -> None:
    from datetime import date

    from graph.audit import Actor
    from graph.risk.analytics import run_query
    from graph.risk.linked import recompute_all_linked_risk
    from graph.sanctions.rederive import rederive_all

    await rederive_all(lists, Actor(id="test", role="admin"), on=date.today())  # sanction flags
    await recompute_all_linked_risk(lists, progress=False)  # K5 is linked to K4 through 郑七
    before = (await run_query(lists, "credit_check", {"uscc": K1}, date.today()))[0]["checks"]

    body = await gql(CHECK, {"u": K1, "item": "食品经营许可"})
    assert "errors" not in body, body
    check = body["data"]["creditCheck"]
    assert (check["verdict"], check["businessItem"]) == ("SERIOUS", "食品经营许可")
    assert check["subject"] == {"id": K1, "name": "集群一失信公司"}
    assert sorted(e["listType"] for e in check["activeEntries"]) == [
        "RED_LIST",
        "SERIOUS_DISHONESTY",
    ]
    assert {"flagType": "COMMITMENT_INELIGIBLE", "ruleId": "P8"} in check["flags"]
    assert check["grade"] == {"grade": "C", "treatment": {"spotChecks": "RAISED"}}
    after = (await run_query(lists, "credit_check", {"uscc": K1}, date.today()))[0]["checks"]
    assert after == before + 1

    k5 = (await gql(CHECK, {"u": K5, "item": "招标投标"}))["data"]["creditCheck"]
    assert k5["verdict"] == "ATTENTION"
    assert k5["riskIndicators"] == [{"source": {"id": K4}, "linkKinds": ["SHARED_ROLE"]}]
    k7 = (await gql(CHECK, {"u": K7, "item": "政府采购"}))["data"]["creditCheck"]
    assert (k7["verdict"], k7["flags"], k7["riskIndicators"]) == ("CLEAR", [], [])


@pytest.mark.db
@pytest.mark.parametrize(
    ("uscc", "item", "code"),
    [
        ("91110108MARK0K001X", "食品经营许可", "BAD_USER_INPUT"),
        ("91310000MA1FL8TQ49", "食品经营许可", "NOT_FOUND"),
        (K1, "   ", "BAD_USER_INPUT"),
    ],
)
async def test_bad_checks_are_refused_and_not_recorded(
    gql: GQL, lists: Executor, uscc: str, item: str, code: str
) -> None:
    from datetime import date

    from graph.risk.analytics import run_query

    before = (await run_query(lists, "credit_check", {"uscc": K1}, date.today()))[0]["checks"]
    body = await gql(CHECK, {"u": uscc, "item": item})
    assert body["errors"][0]["extensions"]["code"] == code
    after = (await run_query(lists, "credit_check", {"uscc": K1}, date.today()))[0]["checks"]
    assert after == before
