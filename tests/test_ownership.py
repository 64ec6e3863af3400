"""Ownership penetration and control: the solver on hand-computed graphs, then on the database."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph.risk.ownership import (
    Holding,
    HoldingGraph,
    beneficial_owners,
    infer_control,
    integrated_shares,
    top_chains,
)

DAY = date(2024, 6, 30)


def share(holder: str, held: str, ratio: float, since: date = date(2020, 1, 1)) -> Holding:
    return Holding(holder, held, "SHAREHOLDER_OF", ratio, since)


def declared(holder: str, held: str, since: date = date(2020, 1, 1)) -> Holding:
    return Holding(holder, held, "ACTUAL_CONTROLLER_OF", None, since)


def solve(target: str, *holdings: Holding) -> dict[str, float]:
    solution = integrated_shares(HoldingGraph.of(target, list(holdings)).shares, target)
    assert solution.converged
    return solution.shares


# -- tier 1: the solver ------------------------------------------------------------------------
def test_a_chain_multiplies_the_ratios() -> None:
    shares = solve("C", share("A", "B", 0.6), share("B", "C", 0.5))
    assert shares["A"] == pytest.approx(0.30, abs=1e-12)
    assert shares["B"] == pytest.approx(0.50, abs=1e-12)


def test_parallel_chains_add_up() -> None:
    shares = solve(
        "C",
        share("A", "B", 0.6),
        share("B", "C", 0.5),
        share("A", "D", 1.0),
        share("D", "C", 0.2),
    )
    assert shares["A"] == pytest.approx(0.50, abs=1e-12)  # 0.6·0.5 + 1.0·0.2
    assert shares["D"] == pytest.approx(0.20, abs=1e-12)


def test_a_cross_holding_converges_to_the_closed_form() -> None:
    # O owns p of X; X owns a of Y; Y owns b of X; Q owns the rest of Y.
    p, a, b = 0.6, 0.4, 0.3
    holdings = [share("O", "X", p), share("X", "Y", a), share("Y", "X", b), share("Q", "Y", 1 - a)]
    solution = integrated_shares(HoldingGraph.of("Y", holdings).shares, "Y")
    assert solution.converged
    assert solution.shares["O"] == pytest.approx(p * a / (1 - a * b), abs=1e-9)
    assert solution.shares["X"] == pytest.approx(a / (1 - a * b), abs=1e-9)
    assert solution.shares["Q"] == pytest.approx((1 - a) / (1 - a * b), abs=1e-9)
    # Y's self-ownership through the cycle is reported under Y, never as an owner.
    assert solution.shares["Y"] == pytest.approx(a * b / (1 - a * b), abs=1e-9)


def test_ultimate_owners_of_a_closed_cycle_share_the_whole_company() -> None:
    # X and Y hold half of each other; O holds the other half of X, Q the other half of Y.
    holdings = [share("X", "Y", 0.5), share("Y", "X", 0.5), share("O", "X", 0.5)]
    holdings.append(share("Q", "Y", 0.5))
    shares = solve("Y", *holdings)
    assert shares["O"] == pytest.approx(1 / 3, abs=1e-9)
    assert shares["Q"] == pytest.approx(2 / 3, abs=1e-9)
    assert shares["O"] + shares["Q"] == pytest.approx(1.0, abs=1e-9)


def test_a_six_level_chain_with_a_cross_holding() -> None:
    # P → L1 → … → L6 = T at 0.9 each, plus L3 and L4 holding 0.1 of each other.
    holdings = [share("P", "L1", 0.9)]
    holdings += [share(f"L{i}", f"L{i + 1}", 0.9) for i in range(1, 6)]
    holdings += [share("L4", "L3", 0.1)]
    shares = solve("L6", *holdings)
    # Walks P→L1→L2→L3→(L4→L3)^k→L4→L5→L6: 0.9^6 · Σ (0.9·0.1)^k.
    assert shares["P"] == pytest.approx(0.9**6 / (1 - 0.09), abs=1e-9)


def test_ratios_that_cannot_converge_are_reported_not_looped_forever() -> None:
    holdings = [share("X", "Y", 1.0), share("Y", "X", 1.0)]
    solution = integrated_shares(HoldingGraph.of("Y", holdings).shares, "Y", max_iterations=500)
    assert solution.converged is False
    assert solution.iterations == 500


def test_the_later_of_two_current_holdings_of_one_pair_wins() -> None:
    shares = solve(
        "B", share("A", "B", 0.2, date(2020, 1, 1)), share("A", "B", 0.7, date(2023, 1, 1))
    )
    assert shares["A"] == pytest.approx(0.7)


def test_chains_are_the_strongest_simple_paths_first() -> None:
    g = HoldingGraph.of(
        "C",
        [share("A", "B", 0.6), share("B", "C", 0.5), share("A", "D", 1.0), share("D", "C", 0.2)],
    )
    chains = top_chains(g.shares, "C", {"A"})["A"]
    assert [c.sids for c in chains] == [("A", "B", "C"), ("A", "D", "C")]
    assert [round(c.contribution, 12) for c in chains] == [0.3, 0.2]


def test_beneficial_owners_above_the_threshold_with_their_chains() -> None:
    g = HoldingGraph.of(
        "C",
        [
            share("A", "B", 0.6),
            share("B", "C", 0.5),
            share("A", "D", 1.0),
            share("D", "C", 0.2),
            share("E", "C", 0.3),
        ],
    )
    result = beneficial_owners(g, 0.25, DAY)
    assert [(o.sid, round(o.share, 9), o.ultimate) for o in result.owners] == [
        ("A", 0.5, True),
        ("B", 0.5, False),
        ("E", 0.3, True),
    ]
    assert result.converged
    assert len(result.owners[0].chains) == 2


def test_control_follows_majorities_and_declared_controllers() -> None:
    g = HoldingGraph.of(
        "C",
        [
            share("B", "C", 0.51),
            share("X", "C", 0.49),
            share("A", "B", 0.6),
            declared("P", "A"),
            share("Q", "A", 0.9),  # Q holds 90% of A, but P is the declared controller of A
        ],
    )
    result = infer_control(g, DAY)
    assert result.controller == "P"
    assert [(s.holder, s.held, s.basis) for s in result.steps] == [
        ("B", "C", "MAJORITY"),
        ("A", "B", "MAJORITY"),
        ("P", "A", "DECLARED"),
    ]


def test_economic_share_and_control_are_different_answers() -> None:
    # A holds 40% directly (largest economic owner); B holds 60% through a 100%-owned vehicle V.
    g = HoldingGraph.of("T", [share("A", "T", 0.4), share("V", "T", 0.6), share("B", "V", 1.0)])
    owners = {o.sid: o.share for o in beneficial_owners(g, 0.25, DAY).owners}
    assert owners == pytest.approx({"A": 0.4, "V": 0.6, "B": 0.6})
    assert infer_control(g, DAY).controller == "B"
    # With no majority anywhere, nobody controls.
    flat = HoldingGraph.of("T", [share("A", "T", 0.5), share("B", "T", 0.5)])
    assert infer_control(flat, DAY).controller is None


def test_a_control_cycle_stops_and_says_so() -> None:
    g = HoldingGraph.of("X", [share("Y", "X", 0.6), share("X", "Y", 0.6)])
    result = infer_control(g, DAY)
    assert result.cycle is True
    assert result.controller == "Y"


# -- tier 2: on the database ---------------------------------------------------------------------
# `ownership` (seeds/scenarios/README.md): A 60% B, B 50% C, A 100% D, D 20% C, 陈明 80% A;
# X 30% Y, Y 20% X, O 50% X. `risk_ownership`: 周大 90% L1, Li 90% L(i+1) up to L6, L4 10% L3
# (a cross-holding with L3 → L4), 吴二 10% L6 (and 50% of L1 in 2010–2015, ended), 郑三 the
# declared actual controller of L2 since 2020.
A, B, C, D = "91440305MA0GQ00111", "91440305MA0GQ002XQ", "91440305MA0GQ0038Q", "91440305MA0GQ0046K"
X, Y, OUT = "91440304MA0GQ00540", "91440304MA0GQ0062T", "91440303MA0GQ00707"
L = {i: f"91110101MARK0W00{i}{c}" for i, c in zip(range(1, 7), "EHLPTX", strict=True)}
KEY = b"test-hash-key"


def pid(number: str) -> str:
    from graph.identifiers import person_key

    return person_key(number, KEY).pid


CHEN, ZHOUDA, WUER, ZHENGSAN = (
    pid(n)
    for n in (
        "110101196608180199",
        "110101197007070319",
        "110101197007070335",
        "110101197007070351",
    )
)

OWNERSHIP = """query($id: ID!, $t: Float!, $asOf: Date) {
  ownership(id: $id, threshold: $t, asOf: $asOf) {
    subject { id name } converged truncated
    owners { owner { id kind } share ultimate
      chains { contribution subjects { id } links { holderId organizationId role ratio since } } }
  }
}"""
CONTROL = """query($id: ID!, $asOf: Date) {
  control(id: $id, asOf: $asOf) {
    controller { id name kind } cycle
    steps { holder { id } held { id } basis ratio since }
  }
}"""


@pytest.fixture(scope="module")
async def equity(executor: Any) -> Any:
    from seeds.scenarios import load_scenario
    from tests.conftest import DELETE_ALL

    await executor.write(DELETE_ALL)
    await load_scenario(executor, "ownership", KEY)
    await load_scenario(executor, "risk_ownership", KEY)
    return executor


@pytest.mark.db
async def test_look_through_shares_on_the_database(equity: Any) -> None:
    from graph.risk.ownership import ownership

    c = await ownership(equity, C, 0.25, DAY)
    shares = {o.sid: o.share for o in c.owners}
    assert shares == pytest.approx({A: 0.5, B: 0.5, CHEN: 0.4})  # D (20%) is below 25%
    assert c.converged
    assert not c.truncated
    a = next(o for o in c.owners if o.sid == A)
    assert [ch.sids for ch in a.chains] == [(A, B, C), (A, D, C)]
    assert [round(ch.contribution, 9) for ch in a.chains] == [0.3, 0.2]
    # Before any of the holdings existed nobody owned C.
    assert (await ownership(equity, C, 0.01, date(2015, 1, 1))).owners == ()


@pytest.mark.db
async def test_cross_holding_on_the_database_matches_the_closed_form(equity: Any) -> None:
    from graph.risk.ownership import ownership

    a, b, p = 0.3, 0.2, 0.5
    y = {o.sid: o.share for o in (await ownership(equity, Y, 0.01, DAY)).owners}
    assert y[OUT] == pytest.approx(p * a / (1 - a * b), abs=1e-9)  # 0.159574…
    assert y[X] == pytest.approx(a / (1 - a * b), abs=1e-9)  # 0.319149…
    x = {o.sid: o.share for o in (await ownership(equity, X, 0.01, DAY)).owners}
    assert x[OUT] == pytest.approx(p / (1 - a * b), abs=1e-9)  # 0.531915…


@pytest.mark.db
async def test_six_level_chain_with_a_cross_holding(equity: Any) -> None:
    from graph.risk.ownership import control, ownership

    result = await ownership(equity, L[6], 0.05, DAY)
    shares = {o.sid: o.share for o in result.owners}
    assert shares[ZHOUDA] == pytest.approx(0.9**6 / (1 - 0.09), abs=1e-9)
    assert shares[WUER] == pytest.approx(0.1)  # the ended 2010–2015 holding does not count
    assert next(o for o in result.owners if o.sid == ZHOUDA).ultimate
    ctrl = await control(equity, L[6], DAY)
    assert ctrl.controller == ZHENGSAN  # declared controller of L2 beats 周大's majority of L1
    assert [s.basis for s in ctrl.steps] == ["MAJORITY"] * 4 + ["DECLARED"]


@pytest.mark.db
async def test_control_and_ownership_over_graphql(gql: Any, equity: Any) -> None:
    body = await gql(OWNERSHIP, {"id": C, "t": 0.45, "asOf": "2026-06-30"})
    assert "errors" not in body, body
    owners = body["data"]["ownership"]["owners"]
    assert [(o["owner"]["id"], round(o["share"], 9), o["ultimate"]) for o in owners] == [
        (A, 0.5, False),
        (B, 0.5, False),
    ]
    link = owners[0]["chains"][0]["links"][0]
    assert link == {
        "holderId": A,
        "organizationId": B,
        "role": "SHAREHOLDER_OF",
        "ratio": 0.6,
        "since": "2016-03-01",
    }
    ctrl = await gql(CONTROL, {"id": B, "asOf": "2026-06-30"})
    data = ctrl["data"]["control"]
    assert data["controller"] == {"id": CHEN, "name": "陈明", "kind": "NATURAL_PERSON"}
    assert [(s["holder"]["id"], s["held"]["id"], s["basis"]) for s in data["steps"]] == [
        (A, B, "MAJORITY"),
        (CHEN, A, "MAJORITY"),
    ]
    # B holds exactly 50% of C: not more than half, and D's 20% does not help: no controller.
    none = await gql(CONTROL, {"id": C, "asOf": "2026-06-30"})
    assert none["data"]["control"] == {"controller": None, "cycle": False, "steps": []}


@pytest.mark.db
@pytest.mark.parametrize(
    ("sid", "code"), [("91440305MA0GQ0038X", "BAD_USER_INPUT"), ("91310000MA1FL8TQ49", "NOT_FOUND")]
)
async def test_bad_and_unknown_ids(gql: Any, equity: Any, sid: str, code: str) -> None:
    body = await gql(OWNERSHIP, {"id": sid, "t": 0.25})
    assert body["errors"][0]["extensions"]["code"] == code


@pytest.mark.db
async def test_the_analyst_files_agree_on_acyclic_holdings(equity: Any) -> None:
    from graph.risk.analytics import run_query

    rows = await run_query(equity, "ownership_beneficial_owners", {"sid": C}, DAY)
    assert {r["owner"]: round(r["share"], 9) for r in rows} == {A: 0.5, B: 0.5, CHEN: 0.4}
    # With the cross-holding, chains cannot repeat an edge: the file under-counts (documented).
    rows = await run_query(
        equity, "ownership_beneficial_owners", {"sid": Y, "threshold": 0.01}, DAY
    )
    assert {r["owner"]: round(r["share"], 9) for r in rows} == {X: 0.3, OUT: 0.15}
    chains = await run_query(equity, "ownership_control_chain", {"sid": L[6]}, DAY)
    assert {r["controller"] for r in chains} == {ZHENGSAN, ZHOUDA}  # both chains are listed
