"""Triage of linked-risk indicators and alerts (issue 19), and RISK_INDICATOR alerts, on the
`risk_linked` cast (tests/test_linked_risk.py): T_LR shares its legal representative 赵一 with
the listed SRC, so it carries one LINKED_RISK indicator with SRC as source."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from api.auth import Role
from graph.alerts import fanout, store, watches
from graph.audit import Actor, events_for
from graph.errors import BadUserInput, NotFound
from graph.executor import Executor
from graph.importer import import_rows
from graph.risk import refresh, triage
from graph.risk.grading import recompute_all_grades
from graph.risk.linked import indicators_of, recompute_all_linked_risk
from graph.sanctions.inputs import RepairIn
from graph.sanctions.lifecycle import approve_repair
from tests.conftest import GQL
from tests.test_alerts import designate
from tests.test_linked_risk import DAY, KEY, U, linked
from tests.test_propagation import A, load_cast

pytestmark = pytest.mark.db

INVESTIGATOR = Actor("inv-1", "investigator")
OFFICER = Actor("officer-1", "officer")
# A second, stronger path from SRC to T_LR: SRC holds 60 % of it.
NEW_PATH = {
    "kind": "role",
    "role": "SHAREHOLDER_OF",
    "uscc": U["T_LR"],
    "from": "2021-01-01",
    "holderUscc": U["SRC"],
    "ratio": 0.6,
}
INDICATORS = """query($id: ID!) { linkedRiskIndicators(subjectId: $id) {
  id source { id } triage { status decision reason by } } }"""
TRIAGE = """mutation($id: ID!, $d: TriageDecision!, $r: String!) {
  triageIndicator(indicatorId: $id, decision: $d, reason: $r) { id triage { status decision } } }"""

__all__ = ["linked"]  # the fixture, imported for use here


async def the_indicator(executor: Executor) -> dict[str, object]:
    (row,) = (await indicators_of(executor, [U["T_LR"]]))[U["T_LR"]]
    return row


async def watch_the_target(executor: Executor) -> tuple[watches.Watch, dict[str, object]]:
    """A radius-0 watch on T_LR's indicators, made once earlier events are served; and the
    indicator."""
    await fanout.drain(executor)
    w = await watches.watch(executor, INVESTIGATOR, U["T_LR"], radius=0, events=["RISK_INDICATOR"])
    return w, await the_indicator(executor)


async def repair_the_source(executor: Executor) -> None:
    repair = RepairIn(entryId="RISK-L01", methods=("RECTIFICATION",))
    await approve_repair(executor, OFFICER, repair, today=date.today())


async def test_a_dismissal_survives_recomputation_until_the_evidence_changes(
    linked: Executor,
) -> None:
    ind = await the_indicator(linked)
    assert ind["triageStatus"] is None
    target = await triage.triage_indicator(
        linked, INVESTIGATOR, str(ind["indicatorId"]), "DISMISSED", "同名代表，非同一人"
    )
    assert target == U["T_LR"]
    assert (await the_indicator(linked))["triageStatus"] == "DISMISSED"
    # `creditgraph analytics linked-risk`: every indicator replaced, the dismissal kept.
    await recompute_all_linked_risk(linked, progress=False, as_of=DAY)
    again = await the_indicator(linked)
    assert again["indicatorId"] == ind["indicatorId"]
    assert again["triageStatus"] == "DISMISSED"
    assert again["triage"]["reason"] == "同名代表，非同一人"
    # A new path to the same source: the indicator comes back, marked as changed.
    summary = await import_rows(linked, [("test", 1, NEW_PATH)], id_key=KEY, progress=False)
    assert summary.rejected == 0
    await recompute_all_linked_risk(linked, progress=False, as_of=DAY)
    changed = await the_indicator(linked)
    assert changed["indicatorId"] == ind["indicatorId"]
    assert changed["triageStatus"] == "CHANGED"
    ops = [e["operation"] for e in await events_for(linked, [str(ind["indicatorId"])])]
    assert ops == ["triageIndicator"]


async def test_sanction_flags_and_unknown_ids_are_not_triaged(executor: Executor) -> None:
    # A listing extends to the legal representative (P1): a sanction, not an indicator.
    await load_cast(executor)
    done = await designate(executor, A)
    linked = executor
    with pytest.raises(BadUserInput, match="sanction flag"):
        await triage.triage_indicator(linked, OFFICER, done.outcome.flags[0], "DISMISSED", "不成立")
    with pytest.raises(NotFound):
        await triage.triage_indicator(linked, OFFICER, "RI-NOPE", "CONFIRMED", "x")
    with pytest.raises(BadUserInput):
        await triage.triage_indicator(linked, OFFICER, "RI-NOPE", "CONFIRMED", "  ")
    with pytest.raises(BadUserInput):
        await triage.triage_indicator(linked, OFFICER, "RI-NOPE", "MAYBE", "x")


async def test_triage_over_graphql_shows_with_the_indicator(
    gql: GQL, linked: Executor, token: Callable[..., str]
) -> None:
    me = {"authorization": f"Bearer {token(Role.INVESTIGATOR, 'inv-3')}"}
    (ind,) = (await gql(INDICATORS, {"id": U["T_LR"]}, **me))["data"]["linkedRiskIndicators"]
    assert ind["triage"] is None
    body = await gql(TRIAGE, {"id": ind["id"], "d": "CONFIRMED", "r": "核实属实"}, **me)
    assert "errors" not in body, body
    assert body["data"]["triageIndicator"]["triage"] == {
        "status": "CONFIRMED",
        "decision": "CONFIRMED",
    }
    (seen,) = (await gql(INDICATORS, {"id": U["T_LR"]}, **me))["data"]["linkedRiskIndicators"]
    assert seen["triage"] == {
        "status": "CONFIRMED",
        "decision": "CONFIRMED",
        "reason": "核实属实",
        "by": "inv-3",
    }
    # Analysts read indicators but do not judge them; admins administer, they do not either.
    for role in (Role.ANALYST, Role.ADMIN, Role.DASHBOARD):
        other = {"authorization": f"Bearer {token(role, 'x')}"}
        refused = await gql(TRIAGE, {"id": ind["id"], "d": "DISMISSED", "r": "no"}, **other)
        assert refused["errors"][0]["extensions"]["code"] in {"FORBIDDEN", "UNAUTHENTICATED"}


async def test_an_indicator_that_goes_alerts_its_watchers_with_its_source(
    linked: Executor,
) -> None:
    w, ind = await watch_the_target(linked)
    # SRC's listing is repaired: the refresh removes T_LR's indicator; the watch hears of it.
    await repair_the_source(linked)
    await refresh.drain(linked)
    await fanout.drain(linked)
    alerts = await store.alerts_after(linked, INVESTIGATOR, 0, unread_only=False, limit=10)
    got = [(a.watch_id, a.kind, a.change, a.ref, a.source_sid, a.rule_id) for a in alerts]
    assert got == [(w.watch_id, "RISK_INDICATOR", "REMOVED", ind["indicatorId"], U["SRC"], "P19")]
    # The owner dismisses the alert, with a reason; nobody else can.
    with pytest.raises(NotFound):
        await triage.triage_alert(linked, OFFICER, alerts[0].alert_id, "DISMISSED", "x")
    await triage.triage_alert(linked, INVESTIGATOR, alerts[0].alert_id, "DISMISSED", "已修复")
    (after,) = await store.alerts_after(linked, INVESTIGATOR, 0, unread_only=False, limit=10)
    assert (after.triage, after.triage_reason) == ("DISMISSED", "已修复")


async def test_the_full_recomputation_sweep_alerts_indicators_it_removes(
    linked: Executor,
) -> None:
    w, ind = await watch_the_target(linked)
    await repair_the_source(linked)
    # No refresh round: `analytics linked-risk` finds T_LR unlinked and sweeps its indicator.
    run = await recompute_all_linked_risk(linked, progress=False)
    assert run.removed >= 1
    assert U["T_LR"] not in await indicators_of(linked, [U["T_LR"]])
    await fanout.drain(linked)
    alerts = await store.alerts_after(linked, INVESTIGATOR, 0, unread_only=False, limit=10)
    got = [(a.watch_id, a.change, a.ref, a.subject_sid, a.source_sid) for a in alerts]
    assert got == [(w.watch_id, "REMOVED", ind["indicatorId"], U["T_LR"], U["SRC"])]


async def test_a_grade_that_moves_alerts_its_watchers(linked: Executor) -> None:
    # GC's licence suspension (2026-05-01) makes it C; years later it no longer counts.
    await recompute_all_grades(linked, DAY, progress=False)
    await fanout.drain(linked)
    await watches.watch(linked, INVESTIGATOR, U["GC"], radius=0, events=["GRADE"])
    await recompute_all_grades(linked, DAY, progress=False)  # the same grades: nothing moved
    later = date(DAY.year + 4, DAY.month, DAY.day)
    await recompute_all_grades(linked, later, progress=False)
    await fanout.drain(linked)
    alerts = await store.alerts_after(linked, INVESTIGATOR, 0, unread_only=False, limit=10)
    got = [(a.kind, a.change, a.subject_sid, a.detail) for a in alerts]
    assert len(got) == 1
    assert got[0][:3] == ("GRADE", "CHANGED", U["GC"])
    assert str(got[0][3]).startswith("C→")
