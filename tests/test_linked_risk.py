"""Linked-risk indicators (P19) on the `risk_linked` scenario, computed on 2026-06-30.

Cast (seeds/scenarios/risk_linked.jsonl; all roles current unless said otherwise):
    SRC 源头失信实业      SERIOUS_DISHONESTY entry RISK-L01 (2025-01-01 … 2030-12-31)
    赵一  LR of SRC (2019-01-01) and LR of T_LR (2021-03-01)      → T_LR: SHARED_ROLE, 0.8
    SRC 40% of T_OWN; T_OWN 100% of T_SUB                         → T_OWN 1.0, T_SUB 0.8 (OWNERSHIP)
    SRC 80% of T_CTRL                                             → T_CTRL: CONTROL, 1.0
    钱二  LR of SRC 2015–2018 (ended), LR of N_PAST                → nothing
    孙三  DIRECTOR_OF SRC, LR of N_DIR                            → nothing (not a linked role)
    SRC 10% of N_THIN                                             → nothing (below 25%)
    GC  a licence suspension on 2026-05-01 (Hebei C), not listed
    李四  actual controller of GC and of T_GC                      → T_GC: SHARED_ROLE, 0.8
    周五  on SERIOUS_DISHONESTY (RISK-L02) himself, controller of T_PER  → T_PER: CONTROL, 1.0
    N_GOV (a state-asset administration, GOV_ORGAN) controller of SRC and of N_SOE
                                                                  → nothing (excluded holder kind)
Scores: weight 1 × decay 0.8 per edge beyond the first (graph/risk/schemes.yaml).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph.executor import Executor, Tx
from graph.identifiers import person_key
from graph.risk.linked import (
    Source,
    build_indicators,
    chain_path,
    indicators_of,
    paths_from,
    paths_to,
    recompute_all_linked_risk,
    sources_among,
)
from graph.risk.refresh import GET_REQUESTS, backlog, drain, request_refresh
from tests.conftest import GQL

KEY = b"test-hash-key"
DAY = date(2026, 6, 30)
U = {
    "SRC": "91110105MARK0L001E",
    "T_LR": "91110105MARK0L002H",
    "T_OWN": "91110105MARK0L003L",
    "T_SUB": "91110105MARK0L004P",
    "T_CTRL": "91110105MARK0L005T",
    "N_PAST": "91110105MARK0L006X",
    "N_DIR": "91110105MARK0L0071",
    "N_THIN": "91110105MARK0L0084",
    "GC": "91110105MARK0L0097",
    "T_GC": "91110105MARK0L00AA",
    "T_PER": "91110105MARK0L00BD",
    "N_GOV": "11110105MARK0L00CQ",
    "N_SOE": "91110105MARK0L00EN",
}
ZHAO = person_key("110105198001010112", KEY).pid
ZHOU = person_key("110105198001010198", KEY).pid
NAMES = {v: k for k, v in U.items()} | {ZHAO: "ZHAO", ZHOU: "ZHOU"}
EXPECTED = {
    ("T_LR", "SRC", ("SHARED_ROLE",), 0.8),
    ("T_OWN", "SRC", ("OWNERSHIP",), 1.0),
    ("T_SUB", "SRC", ("OWNERSHIP",), 0.8),
    ("T_CTRL", "SRC", ("CONTROL",), 1.0),
    ("T_GC", "GC", ("SHARED_ROLE",), 0.8),
    ("T_PER", "ZHOU", ("CONTROL",), 1.0),
}
INDICATORS = """query($id: ID!) {
  linkedRiskIndicators(subjectId: $id) {
    indicatorType score ruleId isRiskIndicator rationale sourceGrade sourceEntryIds linkKinds
    rationaleEn: rationale(lang: EN) distance source { id name kind }
    evidence { kind score share subjects { id name kind }
               links { holderId organizationId role since } }
  }
}"""


# -- tier 1 --------------------------------------------------------------------------------------
def _chain(sids: list[str], roles: list[str], ratios: list[float | None]) -> dict[str, Any]:
    return {
        "source": sids[0],
        "target": sids[-1],
        "sids": sids,
        "names": sids,
        "kinds": ["ENTERPRISE"] * len(sids),
        "roles": roles,
        "ratios": ratios,
        "froms": [date(2020, 1, 1)] * len(roles),
    }


def test_chains_thinner_than_the_minimum_or_repeating_a_subject_are_dropped() -> None:
    s = "SHAREHOLDER_OF"
    assert chain_path(_chain(["S", "A", "B"], [s, s], [0.5, 0.4])) is None  # 0.2 < 0.25
    assert chain_path(_chain(["S", "A", "S", "B"], [s, s, s], [0.9, 0.9, 0.9])) is None
    kept = chain_path(_chain(["S", "A", "B"], [s, s], [0.6, 0.9]))
    assert kept is not None
    assert (kept.kind, kept.edges, round(kept.share or 0, 9)) == ("CONTROL", 2, 0.54)
    declared = chain_path(_chain(["P", "A"], ["ACTUAL_CONTROLLER_OF"], [None]))
    assert declared is not None
    assert (declared.kind, declared.share, declared.score) == ("CONTROL", None, 1.0)


def test_one_indicator_per_pair_with_its_strongest_paths_and_decaying_scores() -> None:
    src = Source("S", "源", "ENTERPRISE", "C", (("E1", "SERIOUS_DISHONESTY"),))
    s = "SHAREHOLDER_OF"
    far = chain_path(_chain(["S", "A", "B", "C", "T"], [s] * 4, [1.0, 1.0, 1.0, 1.0]))
    near = chain_path(_chain(["S", "T"], [s], [0.3]))
    assert far is not None
    assert near is not None
    assert far.score == pytest.approx(0.8**3)
    rows = build_indicators([far, near], {"S": src})
    assert len(rows) == 1
    row = rows[0]
    assert (row["target"], row["source"], row["score"], row["distance"]) == ("T", "S", 1.0, 1)
    assert row["sourceEntryIds"] == ["E1"]
    assert row["viaSids"] == ["A", "B", "C"]
    # A path from a subject that is not a source gives nothing.
    assert build_indicators([far], {}) == []


def test_writes_are_cut_by_payload_size_for_the_bolt_message_cap() -> None:
    from graph.risk.progress import batched_by_weight

    def cut(weights: list[int], limit: int, size: int = 10) -> list[list[int]]:
        return list(batched_by_weight(weights, lambda w: w, limit=limit, size=size))

    assert cut([3, 3, 3, 3], 6) == [[3, 3], [3, 3]]
    assert cut([10, 1, 1], 5) == [[10], [1, 1]]  # a heavy item goes alone
    assert cut([1] * 5, 100, size=2) == [[1, 1], [1, 1], [1]]
    assert cut([], 5) == []


def test_indicator_ids_are_stable() -> None:
    from graph.risk.linked import indicator_id

    assert indicator_id("T", "S") == indicator_id("T", "S")
    assert indicator_id("T", "S") != indicator_id("S", "T")


# -- tier 2 --------------------------------------------------------------------------------------
async def summary(executor: Executor) -> set[tuple[str, str, tuple[str, ...], float]]:
    found = await indicators_of(executor, list(U.values()))
    return {
        (NAMES[sid], NAMES[i["sourceSid"]], tuple(i["linkKinds"]), i["score"])
        for sid, rows in found.items()
        for i in rows
    }


@pytest.fixture
async def linked(empty_graph: Executor) -> Executor:
    from seeds.scenarios import load_scenario

    await load_scenario(empty_graph, "risk_linked", KEY)
    run = await recompute_all_linked_risk(empty_graph, progress=False, as_of=DAY)
    assert (run.targets, run.indicators) == (6, 6)
    return empty_graph


@pytest.mark.db
async def test_the_scenario_gives_exactly_the_expected_indicators(linked: Executor) -> None:
    assert await summary(linked) == EXPECTED
    # Recomputing replaces, never duplicates.
    again = await recompute_all_linked_risk(linked, progress=False, as_of=DAY)
    assert (again.indicators, again.removed) == (6, 0)
    assert await summary(linked) == EXPECTED


@pytest.mark.db
async def test_paths_read_from_the_targets_equal_the_paths_from_the_sources(
    linked: Executor,
) -> None:
    """The refresh reads paths upwards from its few targets (graph/risk/linked.py `paths_to`);
    they must be exactly the paths read downwards from the sources, restricted to the targets."""
    subjects = [*U.values(), ZHAO, ZHOU]

    async def both(tx: Tx) -> tuple[list[Any], list[Any]]:
        sources = await sources_among(tx, subjects, DAY)
        every = await paths_from(tx, sorted(sources), DAY)
        targets = sorted({p.target for p in every} | {U["N_DIR"], U["N_THIN"]})
        upward = await paths_to(tx, targets, sorted(sources), DAY)
        return (
            build_indicators([p for p in every if p.target in targets], sources),
            build_indicators(upward, sources),
        )

    down, up = await linked.unit(both, write=False)
    assert up == down
    assert len(up) == len(EXPECTED)


@pytest.mark.db
async def test_the_evidence_names_the_shared_person_the_role_and_the_source_entry(
    gql: GQL, linked: Executor
) -> None:
    body = await gql(INDICATORS, {"id": U["T_LR"]})
    assert "errors" not in body, body
    [ind] = body["data"]["linkedRiskIndicators"]
    assert (ind["indicatorType"], ind["ruleId"], ind["isRiskIndicator"]) == (
        "LINKED_RISK",
        "P19",
        True,
    )
    assert ind["source"] == {"id": U["SRC"], "name": "源头失信实业有限公司", "kind": "ENTERPRISE"}
    assert (ind["sourceGrade"], ind["sourceEntryIds"], ind["distance"]) == ("C", ["RISK-L01"], 2)
    [path] = ind["evidence"]
    assert path["kind"] == "SHARED_ROLE"
    assert path["subjects"][1] == {"id": ZHAO, "name": "赵一", "kind": "NATURAL_PERSON"}
    assert path["links"] == [
        {
            "holderId": ZHAO,
            "organizationId": U["SRC"],
            "role": "LEGAL_REPRESENTATIVE_OF",
            "since": "2019-01-01",
        },
        {
            "holderId": ZHAO,
            "organizationId": U["T_LR"],
            "role": "LEGAL_REPRESENTATIVE_OF",
            "since": "2021-03-01",
        },
    ]
    # In words, for the officer: the source and why, each relation person —role→ organisation,
    # the document and article, and that it is no sanction.
    assert ind["rationale"].startswith(
        "与源头失信实业有限公司（被列入严重失信类名单，信用等级为C类）存在关联：赵一 —法定代表人"
        "（2019-01-01起）→ 源头失信实业有限公司，赵一 —法定代表人（2021-03-01起）→ "
        "共享法人贸易有限公司。依据《苏州工业园区构建以信用为基础的新型政务服务与监管工作机制"
        "实施方案》第四部分（三）第5项"
    )
    assert "不是惩戒措施" in ind["rationale"]
    assert "never a sanction" in ind["rationaleEn"]
    chain = (await gql(INDICATORS, {"id": U["T_SUB"]}))["data"]["linkedRiskIndicators"][0]
    assert [s["id"] for s in chain["evidence"][0]["subjects"]] == [U["SRC"], U["T_OWN"], U["T_SUB"]]
    assert chain["evidence"][0]["share"] == pytest.approx(0.4)


@pytest.mark.db
async def test_indicators_are_not_sanction_flags(linked: Executor) -> None:
    from graph.risk.analytics import run_query
    from graph.risk.checks import GET_ACTIVE_FLAGS

    assert await linked.read(GET_ACTIVE_FLAGS, sids=list(U.values()), asOf=DAY) == []
    rows = await run_query(linked, "credit_check", {"uscc": U["T_LR"]}, DAY)
    assert rows[0]["flags"] == []
    assert len(rows[0]["indicators"]) == 1


@pytest.mark.db
async def test_a_repair_of_the_source_removes_its_indicators_and_a_relisting_restores_them(
    linked: Executor,
) -> None:
    from graph.audit import Actor
    from graph.importer import import_rows
    from graph.sanctions.inputs import RepairIn
    from graph.sanctions.lifecycle import approve_repair

    # The sanction officer approves the repair; the removal asks for a linked-risk refresh
    # (P11, P19), which follows when the outbox is drained.
    repair = RepairIn(entryId="RISK-L01", methods=("RECTIFICATION",))
    await approve_repair(linked, Actor("test", "officer"), repair, today=date.today())
    assert await summary(linked) == EXPECTED
    assert (await backlog(linked)).pending == 1
    served = await drain(linked)
    assert (served.requests, (await backlog(linked)).pending) == (1, 0)
    assert await summary(linked) == {e for e in EXPECTED if e[1] != "SRC"}
    # The feed lists SRC again: refreshing around it brings the indicators back.
    row = {
        "kind": "listEntry",
        "entryId": "RISK-L03",
        "listType": "SERIOUS_DISHONESTY",
        "subjectUscc": U["SRC"],
        "authorityId": "RISK-SAMR",
        "decisionNo": "RISK-L03号",
        "decisionDate": "2026-07-01",
        "reason": "再次失信",
        "legalBasis": "《黑龙江省社会信用条例》第二十九条",
        "validFrom": "2026-07-01",
        "validUntil": "2030-12-31",
    }
    assert (await import_rows(linked, [("test", 1, row)], id_key=KEY, progress=False)).rejected == 0

    await linked.unit(lambda tx: request_refresh(tx, [U["SRC"]]))
    await drain(linked)
    back = {e[0] for e in await summary(linked) if e[1] == "SRC"}
    assert back == {"T_LR", "T_OWN", "T_SUB", "T_CTRL"}


@pytest.mark.db
async def test_removing_an_entry_inside_a_transaction_asks_for_a_refresh(linked: Executor) -> None:
    from graph.sanctions.removal import remove_entries

    async def expire(tx: Tx) -> None:
        await remove_entries(tx, ["RISK-L02"], "EXPIRED", date.today())

    await linked.unit(expire)
    await drain(linked)
    assert await summary(linked) == {e for e in EXPECTED if e[1] != "ZHOU"}


@pytest.mark.db
async def test_a_role_change_is_refreshed_from_either_end(linked: Executor) -> None:
    from graph.importer import import_rows

    ended = {
        "kind": "role",
        "role": "LEGAL_REPRESENTATIVE_OF",
        "holderIdNumber": "110105198001010112",
        "uscc": U["T_LR"],
        "from": "2021-03-01",
        "to": "2026-01-31",
    }
    assert (
        await import_rows(linked, [("test", 1, ended)], id_key=KEY, progress=False)
    ).rejected == 0

    await linked.unit(lambda tx: request_refresh(tx, [ZHAO]))  # the person whose role changed
    await drain(linked)
    assert ("T_LR", "SRC", ("SHARED_ROLE",), 0.8) not in await summary(linked)
    assert len(await summary(linked)) == len(EXPECTED) - 1


@pytest.mark.db
async def test_the_analyst_files_find_the_same_links(linked: Executor) -> None:
    from graph.risk.analytics import run_query
    from graph.risk.grading import recompute_all_grades

    await recompute_all_grades(linked, DAY, progress=False)  # the shared-roles file reads grades
    roles = await run_query(linked, "linked_risk_shared_roles", {}, DAY)
    assert {(NAMES[r["target"]], NAMES[r["source"]], r["holderName"]) for r in roles} == {
        ("T_LR", "SRC", "赵一"),
        ("T_GC", "GC", "李四"),
    }
    chains = await run_query(linked, "linked_risk_chains", {}, DAY)
    assert {(NAMES[r["target"]], NAMES[r["source"]], r["hops"]) for r in chains} == {
        ("T_OWN", "SRC", 1),
        ("T_SUB", "SRC", 2),
        ("T_CTRL", "SRC", 1),
        ("T_PER", "ZHOU", 1),
    }
    stored = await run_query(linked, "linked_risk_indicators", {"sid": U["T_CTRL"]}, DAY)
    assert [(r["sourceSid"], r["score"], r["linkKinds"]) for r in stored] == [
        (U["SRC"], 1.0, ["CONTROL"])
    ]


@pytest.mark.db
async def test_core_and_sanctions_scenarios_link_through_the_shared_legal_representative(
    empty_graph: Executor,
) -> None:
    from seeds.scenarios import load_scenario

    await load_scenario(empty_graph, "core", KEY)
    await load_scenario(empty_graph, "sanctions", KEY)
    await recompute_all_linked_risk(empty_graph, progress=False)
    d0, d2 = "91110000600037341L", "91110105600037552H"
    s1, s5 = "91120101MA0CF00186", "91120104MA0CF0050W"
    found = await indicators_of(empty_graph, [d0, s5])
    assert {(i["sourceSid"], tuple(i["linkKinds"])) for i in found[d0]} >= {(d2, ("SHARED_ROLE",))}
    assert {(i["sourceSid"], tuple(i["linkKinds"])) for i in found[s5]} >= {(s1, ("SHARED_ROLE",))}


# -- the refresh outbox (graph/risk/refresh.py) ----------------------------------------------
DESIGNATE = """mutation($i: DesignationInput!) { designateListEntry(input: $i) { entry { id } } }"""
LISTING = {
    "listType": "SERIOUS_DISHONESTY",
    "subjectId": U["N_DIR"],
    "authorityId": "RISK-SAMR",
    "decisionNo": "RISK-L09号",
    "decisionDate": "2026-07-01",
    "reason": "拒不履行",
    "validUntil": "2029-06-30",
    "removalConditions": "履行义务并完成信用修复",
    "remedies": "可依法申请行政复议或者提起行政诉讼",
    "legalBasis": "《黑龙江省社会信用条例》第二十九条",
}


@pytest.mark.db
async def test_a_designation_commits_with_its_refresh_request_and_the_drain_serves_it(
    gql: GQL, linked: Executor
) -> None:
    body = await gql(DESIGNATE, {"i": LISTING})
    assert "errors" not in body, body
    # Committed: the listing and its request, not yet the indicators (孙三 is N_DIR's LR only).
    assert (await backlog(linked)).pending == 1
    assert await summary(linked) == EXPECTED
    served = await drain(linked)
    assert (served.requests, served.targets) == (1, 1)
    assert (await backlog(linked)).pending == 0
    assert await summary(linked) == EXPECTED  # a listing linked to nobody indicates nobody


@pytest.mark.db
async def test_a_subject_changed_again_during_a_drain_keeps_its_request(linked: Executor) -> None:
    from graph.risk.refresh import DELETE_REQUESTS

    await linked.unit(lambda tx: request_refresh(tx, [U["SRC"]]))
    seen = await linked.read(GET_REQUESTS, limit=10)
    await linked.unit(lambda tx: request_refresh(tx, [U["SRC"]]))  # a new change meanwhile
    served = [{"sid": r["sid"], "token": r["token"]} for r in seen]
    await linked.write(DELETE_REQUESTS, requests=served)
    assert (await backlog(linked)).pending == 1
    await drain(linked)
    assert (await backlog(linked)).pending == 0


@pytest.mark.db
async def test_a_failed_refresh_keeps_its_requests_and_the_old_indicators(
    linked: Executor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.risk.refresh as refresh
    from graph.sanctions.removal import remove_entries

    await linked.unit(lambda tx: remove_entries(tx, ["RISK-L01"], "EXPIRED", date.today()))

    async def broken(tx: Tx, targets: list[str], as_of: date | None = None) -> int:
        raise RuntimeError("injected: the refresh fails part-way")

    monkeypatch.setattr(refresh, "refresh_targets", broken)
    with pytest.raises(RuntimeError, match="injected"):
        await refresh.drain(linked)
    assert (await backlog(linked)).pending == 1
    assert await summary(linked) == EXPECTED
    monkeypatch.undo()
    await refresh.drain(linked)
    assert await summary(linked) == {e for e in EXPECTED if e[1] != "SRC"}


@pytest.mark.db
async def test_a_full_recomputation_serves_the_requests_made_before_it(linked: Executor) -> None:
    await linked.unit(lambda tx: request_refresh(tx, [U["SRC"], ZHOU]))
    await recompute_all_linked_risk(linked, progress=False, as_of=DAY)
    assert (await backlog(linked)).pending == 0


@pytest.mark.db
async def test_the_api_worker_refreshes_in_the_background(linked: Executor, settings: Any) -> None:
    import asyncio

    from api.app import create_app
    from graph.sanctions.removal import remove_entries

    app = create_app(settings.model_copy(update={"risk_refresh_interval": 0.2}))
    async with app.router.lifespan_context(app):
        await linked.unit(lambda tx: remove_entries(tx, ["RISK-L01"], "EXPIRED", date.today()))
        for _ in range(300):  # the worker polls every 0.2 s; allow a slow machine a minute
            if (await backlog(linked)).pending == 0:
                break
            await asyncio.sleep(0.2)
    assert (await backlog(linked)).pending == 0
    assert await summary(linked) == {e for e in EXPECTED if e[1] != "SRC"}


@pytest.mark.db
async def test_an_import_serves_its_refresh_requests_unless_told_to_leave_them(
    linked: Executor,
) -> None:
    from graph.importer import import_rows

    def feed(n: int) -> list[tuple[str, int, dict[str, Any]]]:
        return [("feed", 1, {**LISTING_ROW, "entryId": f"RISK-L1{n}", "decisionNo": f"第{n}号"})]

    left = await import_rows(
        linked, feed(1), id_key=KEY, progress=False, propagate=True, risk_refresh=False
    )
    assert left.rejected == 0
    assert (await backlog(linked)).pending == 1
    served = await import_rows(linked, feed(2), id_key=KEY, progress=False, propagate=True)
    assert served.rejected == 0
    assert (await backlog(linked)).pending == 0


LISTING_ROW = {
    "kind": "listEntry",
    "listType": "SERIOUS_DISHONESTY",
    "subjectUscc": U["N_DIR"],
    "authorityId": "RISK-SAMR",
    "decisionDate": "2026-07-01",
    "reason": "拒不履行",
    "legalBasis": "《黑龙江省社会信用条例》第二十九条",
    "validFrom": "2026-07-01",
    "validUntil": "2029-06-30",
}


@pytest.mark.db
async def test_a_target_too_heavy_for_one_transaction_is_skipped_not_stalling_the_queue(
    linked: Executor, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.risk.refresh as refresh
    from graph.errors import Unavailable
    from graph.sanctions.removal import remove_entries

    real = refresh.refresh_targets

    async def heavy(tx: Tx, targets: list[str], as_of: date | None = None) -> int:
        if U["T_LR"] in targets:  # as a transaction past the query timeout fails
            raise Unavailable("injected: did not answer within the query timeout")
        return await real(tx, targets, as_of)

    await linked.unit(lambda tx: remove_entries(tx, ["RISK-L01"], "EXPIRED", date.today()))
    monkeypatch.setattr(refresh, "refresh_targets", heavy)
    done = await refresh.drain(linked)
    assert done.skipped == [U["T_LR"]]
    assert (await backlog(linked)).pending == 0
    # Every other target followed the expiry; the skipped one keeps its old indicator.
    after = {e for e in EXPECTED if e[1] != "SRC"} | {("T_LR", "SRC", ("SHARED_ROLE",), 0.8)}
    assert await summary(linked) == after
