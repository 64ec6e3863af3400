"""The measure catalogue and the trigger–feedback loop (P20, P21) on the `propagation` scenario."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from graph.audit import events_for
from graph.cypher import statement
from graph.executor import Executor
from graph.measures import catalogue
from graph.migrate import migrate
from graph.sanctions.state import snapshot
from seeds.generator import authority_rows
from seeds.measures import MEASURES
from tests.conftest import GQL
from tests.test_propagation import DEBT, DIR, LR_CUR, A, F, load_cast
from tests.test_sanctions import DESIGNATE, REPAIR, serious

pytestmark = pytest.mark.db

APPLY = """mutation($i: MeasureApplicationInput!) {
  applyMeasure(input: $i) { id measureCode status subject { id } entryId authorityId
                            appliedAt feedbackDueAt endsAt }
}"""
FEEDBACK = """mutation($i: FeedbackInput!) {
  submitFeedback(input: $i) { id status feedback feedbackAt } }"""
OVERDUE = """query($first: Int!, $after: String, $d: Date) {
  overdueFeedback(first: $first, after: $after, asOf: $d) {
    totalCount edges { cursor node { id measureCode feedbackDueAt } }
    pageInfo { hasNextPage endCursor }
  }
}"""
COUNT_NODES = statement("stats/count_nodes_by_label")
MEASURES_Q = "query($p: Boolean) { measures(published: $p) { code published measureKind } }"

PUBLISHED = "PUN-02"  # restrict public procurement (002 HLJ Art.31), published
UNPUBLISHED = "PUN-90"  # "限制高消费": [Not in seeds], catalogued but unpublished


@pytest.fixture
async def listed(executor: Executor, gql: GQL) -> str:
    """The cast with A on the serious list and the catalogue loaded; returns the entry id."""
    await load_cast(executor)
    await catalogue.load_catalogue(executor)
    body = await gql(DESIGNATE, {"i": serious()})
    entry: str = body["data"]["designateListEntry"]["entry"]["id"]
    return entry


def application(entry: str, **overrides: Any) -> dict[str, Any]:
    data = {
        "measureCode": PUBLISHED,
        "subjectId": A,
        "entryId": entry,
        "authorityId": "PRP-FIN",
        "businessItem": "哈财采〔2026〕15号",
    }
    data.update(overrides)
    return data


async def test_catalogue_load_is_idempotent(executor: Executor, gql: GQL) -> None:
    first = await catalogue.load_catalogue(executor)
    again = await catalogue.load_catalogue(executor)
    assert again.created == 0
    assert again.updated == len(MEASURES) >= first.created
    body = await gql(MEASURES_Q, {"p": False})
    assert {m["code"] for m in body["data"]["measures"]} == {
        m.code for m in MEASURES if not m.published
    }


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"measureCode": UNPUBLISHED}, "measureCode"),
        ({"measureCode": "NO-SUCH-MEASURE"}, "measureCode"),
        ({"subjectId": DIR}, "subjectId"),  # a director is not reached by the listing
    ],
)
async def test_refused_applications_write_nothing_but_are_logged(
    executor: Executor, gql: GQL, listed: str, overrides: dict[str, Any], field: str
) -> None:
    before = await snapshot(executor)
    body = await gql(APPLY, {"i": application(listed, **overrides)})
    error = body["errors"][0]
    assert (error["extensions"]["code"], error["extensions"]["field"]) == ("RULE_REFUSED", field)
    after = await snapshot(executor)
    new = [item for item in after if item not in before]
    # The only new node is the audit event recording the refused attempt (P21).
    assert [(kind, dict(props)["outcome"]) for kind, _, props in new] == [("node", "REFUSED")]
    (event,) = [e for e in await events_for(executor, [listed]) if e["outcome"] == "REFUSED"]
    assert event["operation"] == "applyMeasure"
    assert event["detail"] == error["message"]


async def test_key_attention_allows_no_punishment(executor: Executor, gql: GQL) -> None:
    await load_cast(executor)
    await catalogue.load_catalogue(executor)
    attention = serious(
        subjectId=F, listType="KEY_ATTENTION", removalConditions=None, debtResponsibleIds=[]
    )
    entry = (await gql(DESIGNATE, {"i": attention}))["data"]["designateListEntry"]["entry"]["id"]
    body = await gql(APPLY, {"i": application(entry, subjectId=F)})
    assert body["errors"][0]["extensions"]["code"] == "RULE_REFUSED"
    assert "CONSTRAINT" in body["errors"][0]["message"]
    ok = await gql(APPLY, {"i": application(entry, subjectId=F, measureCode="CON-01")})
    assert ok["data"]["applyMeasure"]["status"] == "APPLIED"


async def test_apply_feedback_and_overdue(executor: Executor, gql: GQL, listed: str) -> None:
    long_ago = (date.today() - timedelta(days=100)).isoformat()
    late = await gql(APPLY, {"i": application(listed, appliedAt=long_ago)})
    late_app = late["data"]["applyMeasure"]
    assert late_app["feedbackDueAt"] == (date.today() - timedelta(days=70)).isoformat()
    on_time = await gql(APPLY, {"i": application(listed, subjectId=LR_CUR, measureCode="PUN-01")})
    assert on_time["data"]["applyMeasure"]["subject"] == {"id": LR_CUR}  # reached by P1
    other = await gql(APPLY, {"i": application(listed, appliedAt=long_ago, subjectId=DEBT)})
    other_id = other["data"]["applyMeasure"]["id"]

    body = await gql(OVERDUE, {"first": 1})
    page = body["data"]["overdueFeedback"]
    assert page["totalCount"] == 2
    assert page["pageInfo"]["hasNextPage"] is True
    rest = await gql(OVERDUE, {"first": 5, "after": page["pageInfo"]["endCursor"]})
    overdue = [
        page["edges"][0]["node"]["id"],
        rest["data"]["overdueFeedback"]["edges"][0]["node"]["id"],
    ]
    assert sorted(overdue) == sorted([late_app["id"], other_id])

    fed = await gql(
        FEEDBACK, {"i": {"applicationId": late_app["id"], "outcome": "已限制其参加本次采购"}}
    )
    assert fed["data"]["submitFeedback"]["status"] == "FEEDBACK_SUBMITTED"
    again = await gql(FEEDBACK, {"i": {"applicationId": late_app["id"], "outcome": "再次"}})
    assert again["errors"][0]["extensions"]["code"] == "CONFLICT"
    body = await gql(OVERDUE, {"first": 5})
    assert [e["node"]["id"] for e in body["data"]["overdueFeedback"]["edges"]] == [other_id]


async def test_repair_terminates_the_measures_and_names_the_departments(
    executor: Executor, gql: GQL, listed: str
) -> None:
    applied = await gql(APPLY, {"i": application(listed)})
    app_id = applied["data"]["applyMeasure"]["id"]
    body = await gql(REPAIR, {"i": {"entryId": listed, "methods": ["RECTIFICATION"]}})
    removal = body["data"]["approveRepair"]["removal"]
    assert removal["terminatedApplicationIds"] == [app_id]
    assert removal["notifiedAuthorityIds"] == ["PRP-FIN"]
    refused = await gql(APPLY, {"i": application(listed)})
    assert refused["errors"][0]["extensions"]["code"] == "RULE_REFUSED"  # entry no longer in force


async def test_a_fresh_database_after_migrate_has_the_catalogue_and_authorities(
    empty_graph: Executor, gql: GQL
) -> None:
    """Officers and dashboards need no import first (migrate loads the reference data)."""
    assert (await gql(MEASURES_Q, {"p": True}))["data"]["measures"] == []
    await migrate(empty_graph)
    body = await gql(MEASURES_Q, {"p": True})
    assert {m["code"] for m in body["data"]["measures"]} == {
        m.code for m in MEASURES if m.published
    }
    counts = {r["label"]: r["count"] for r in await empty_graph.read(COUNT_NODES)}
    rows, _ = authority_rows()
    assert counts["Authority"] == len(rows)
    await migrate(empty_graph)  # again: nothing new
    again = {r["label"]: r["count"] for r in await empty_graph.read(COUNT_NODES)}
    assert again == counts
