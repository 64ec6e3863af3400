"""Propagation on the `propagation` scenario (seeds/scenarios/propagation.jsonl), exact answers.

Cast (roles from the dates given; the serious listing of A is decided on 2024-06-01):
    A 甲食品  LR_CUR  LEGAL_REPRESENTATIVE_OF 2019-03-01..2024-12-31
              LR_FORMER LEGAL_REPRESENTATIVE_OF 2012-01-01..2019-02-28 (ended before)
              LR_LATER LEGAL_REPRESENTATIVE_OF 2025-01-01.. (appointed after)
              AC ACTUAL_CONTROLLER_OF 2018-01-01..; DIR DIRECTOR_OF; SH SHAREHOLDER_OF
              DEBT: named by the decision as directly responsible for the debt
    B 乙贸易  BOTH is LEGAL_REPRESENTATIVE_OF and ACTUAL_CONTROLLER_OF since 2020-01-01
    C 丙建材  C_OLD_LR LEGAL_REPRESENTATIVE_OF ..2023-12-31; PRIN PRINCIPAL_OF 2022-01-01..
    D 丁物流  D_LR LEGAL_REPRESENTATIVE_OF; court entry PRP-JD-01 (JUDGMENT_DEFAULTER,
              2024-03-01) naming D_DEBT as debt-responsible
    E 戊城建  SOE; E_LR, E_PRIN, and organisation B as actual controller; arrears records
              PRP-AR-01 (SME_PAYMENT) and PRP-AR-02 (TAX)
    G 城管局  GOV_ORGAN with E_LR as legal representative
    H 庚工程  not an SOE; arrears record PRP-AR-03 (MIGRANT_WAGES); E_PRIN is its LR
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from graph.audit import Actor
from graph.executor import Executor, Tx
from graph.explain.sentences import flag_summary
from graph.identifiers import person_key
from graph.importer import import_rows
from graph.propagation import engine
from graph.propagation.engine import Outcome
from graph.sanctions import designation, flags, rederive
from graph.sanctions.inputs import DesignationIn
from graph.sanctions.state import snapshot
from seeds.scenarios import load_scenario
from tests.conftest import DELETE_ALL

pytestmark = pytest.mark.db

KEY = b"test-hash-key"
TODAY = date(2026, 11, 22)
DECIDED = date(2024, 6, 1)
OFFICER = Actor("officer-1", "sanction_officer")

A, B, C, D, E, F, G, H = (
    "91230100MA1PRA0102",
    "91230100MA1PRB020A",
    "91230100MA1PRC030J",
    "91230100MA1PRD040T",
    "91230100MA1PRE0503",
    "91230100MA1PRF060B",
    "11230100MB1PRG070X",
    "91230100MA1PRH080U",
)


def pid(number: str) -> str:
    return person_key(number, KEY).pid


LR_CUR = pid("230100198001010011")
LR_FORMER = pid("230100198102020024")
LR_LATER = pid("230100198203030037")
AC = pid("23010019830404004X")
DIR = pid("230100198405050052")
SH = pid("230100198506060065")
DEBT = pid("230100198607070078")
BOTH = pid("230100198708080080")
PRIN = pid("230100198809090093")
C_OLD_LR = pid("230100198910100014")
D_LR = pid("230100199011110029")
D_DEBT = pid("230100199112120031")
E_LR = pid("230100199201130047")
E_PRIN = pid("23010019930214005X")


def decision(subject: str = A, **overrides: Any) -> DesignationIn:
    """A complete serious-list decision (002 HLJ Art.28) against `subject`."""
    data: dict[str, Any] = {
        "listType": "SERIOUS_DISHONESTY",
        "subjectId": subject,
        "authorityId": "PRP-SAMR",
        "decisionNo": f"哈市监信〔2024〕{subject[-4:]}号",
        "decisionDate": DECIDED,
        "reason": "恶意拖欠货款，情节严重",
        "legalBasis": "《黑龙江省社会信用条例》第二十九条第（四）项",
        "validUntil": date(2034, 5, 31),
        "removalConditions": "履行义务并完成信用修复",
        "remedies": "可依法申请行政复议或者提起行政诉讼",
        "debtResponsibleIds": [DEBT] if subject == A else [],
    }
    data.update(overrides)
    return DesignationIn.model_validate(data)


async def load_cast(executor: Executor) -> None:
    await executor.write(DELETE_ALL)
    await load_scenario(executor, "propagation", KEY)


@pytest.fixture
async def cast(executor: Executor) -> Executor:
    await load_cast(executor)
    return executor


async def flags_on(executor: Executor, sid: str, **kw: Any) -> list[dict[str, Any]]:
    kw.setdefault("as_of", TODAY)
    kw.setdefault("include_ended", False)
    return (await flags.subject_flags(executor, [sid], **kw))[sid]


def reached(outcome_rows: list[dict[str, Any]], flag_type: str) -> set[str]:
    return {r["sid"] for r in outcome_rows if r["flagType"] == flag_type}


async def designated_flags(executor: Executor, done: designation.Designation) -> list[Any]:
    return await flags.flags_by_id(executor, done.outcome.flags)


async def test_p1_reaches_the_role_holders_of_the_decision_date_only(cast: Executor) -> None:
    done = await designation.designate(cast, OFFICER, [decision()], on=TODAY)
    rows = await designated_flags(cast, done)
    assert reached(rows, "PUNISHMENT_EXTENDED") == {LR_CUR, AC, DEBT}
    for person in (DIR, SH, LR_FORMER, LR_LATER):
        assert await flags_on(cast, person) == [], person
    lr = next(r for r in rows if r["sid"] == LR_CUR)
    assert lr["ruleId"] == "P1"
    assert lr["legalBasis"] == "002 HLJ Art.33"
    assert lr["sourceId"] == done.entry_ids[0]
    assert lr["paths"] == [
        {
            "role": "LEGAL_REPRESENTATIVE_OF",
            "from": date(2019, 3, 1),
            "to": date(2024, 12, 31),
            "viaSid": A,
            "viaName": "哈尔滨甲食品有限公司",
        }
    ]
    assert flag_summary(lr).endswith(
        "关系路径：赵立新 —法定代表人（2019-03-01至2024-12-31）→ 哈尔滨甲食品有限公司。"
    )
    # The listed enterprise itself may not use credit commitments (P8); persons get P1 only.
    assert reached(rows, "COMMITMENT_INELIGIBLE") == {A}
    # The act is written into each natural person's own credit information.
    assert len(done.outcome.records) == 3


async def test_two_roles_in_the_listed_company_give_one_flag_with_two_paths(
    cast: Executor,
) -> None:
    done = await designation.designate(cast, OFFICER, [decision(B)], on=TODAY)
    person = [r for r in await designated_flags(cast, done) if r["sid"] == BOTH]
    assert len(person) == 1
    assert sorted(p["role"] for p in person[0]["paths"]) == [
        "ACTUAL_CONTROLLER_OF",
        "LEGAL_REPRESENTATIVE_OF",
    ]


async def test_principal_is_reached_only_without_a_legal_representative(cast: Executor) -> None:
    done = await designation.designate(cast, OFFICER, [decision(C)], on=TODAY)
    assert reached(await designated_flags(cast, done), "PUNISHMENT_EXTENDED") == {PRIN}
    # The same enterprise listed while its legal representative still served: the LR only.
    again = decision(C, decisionNo="哈市监信〔2023〕9号", decisionDate=date(2023, 6, 1))
    done = await designation.designate(cast, OFFICER, [again], on=TODAY)
    assert reached(await designated_flags(cast, done), "PUNISHMENT_EXTENDED") == {C_OLD_LR}


async def test_court_debtor_entry_becomes_serious_and_p1_applies(cast: Executor) -> None:
    # The court list was imported; propagating it is the path designations take too.
    outcome = await cast.unit(lambda tx: engine.propagate_entries(tx, ["PRP-JD-01"], on=TODAY))
    assert outcome.created_entries == ["PRP-JD-01-P2"]
    rows = await flags.flags_by_id(cast, outcome.flags)
    assert reached(rows, "PUNISHMENT_EXTENDED") == {D_LR, D_DEBT}
    assert {r["sourceId"] for r in rows} == {"PRP-JD-01-P2"}
    assert {r["sourceType"] for r in rows} == {"SERIOUS_DISHONESTY"}
    assert reached(rows, "COMMITMENT_INELIGIBLE") == {D}


async def test_court_debtor_designated_directly_gets_the_same_treatment(cast: Executor) -> None:
    court = decision(
        E,
        listType="JUDGMENT_DEFAULTER",
        authorityId="PRP-COURT",
        decisionNo="（2024）黑01执9号",
        validUntil=None,
        removalConditions=None,
        remedies=None,
    )
    done = await designation.designate(cast, OFFICER, [court], on=TODAY)
    assert done.outcome.entries == [f"{done.entry_ids[0]}-P2"]
    # E is an enterprise (an SOE), so its LR and controllers are reached: a person and an
    # organisation holding the controller role.
    rows = await designated_flags(cast, done)
    assert reached(rows, "PUNISHMENT_EXTENDED") == {E_LR, B}
    # Only natural persons get the act written into their own record.
    assert len(done.outcome.records) == 1


async def test_non_market_subject_listed_gets_p8_but_no_extension(cast: Executor) -> None:
    done = await designation.designate(cast, OFFICER, [decision(G)], on=TODAY)
    rows = await designated_flags(cast, done)
    assert [(r["sid"], r["flagType"]) for r in rows] == [(G, "COMMITMENT_INELIGIBLE")]


async def test_key_attention_flags_the_subject_only(cast: Executor) -> None:
    attention = decision(
        F, listType="KEY_ATTENTION", validUntil=date(2025, 12, 31), removalConditions=None
    )
    done = await designation.designate(cast, OFFICER, [attention], on=TODAY)
    rows = await designated_flags(cast, done)
    assert [(r["sid"], r["flagType"], r["ruleId"]) for r in rows] == [
        (F, "KEY_ATTENTION_SUPERVISION", "P10")
    ]


async def test_soe_arrears_to_smes_reach_lr_principal_and_controllers(cast: Executor) -> None:
    ids = ["PRP-AR-01", "PRP-AR-02", "PRP-AR-03"]
    outcome = await cast.unit(lambda tx: engine.propagate_records(tx, ids, on=TODAY))
    rows = await flags.flags_by_id(cast, outcome.flags)
    assert {(r["sid"], r["sourceId"]) for r in rows} == {
        (E_LR, "PRP-AR-01"),
        (E_PRIN, "PRP-AR-01"),
        (B, "PRP-AR-01"),
    }
    assert {r["flagType"] for r in rows} == {"SOE_ARREARS_ACCOUNTABILITY"}
    assert {r["public"] for r in rows} == {True}


async def test_soe_arrears_flags_end_when_the_record_is_repaired(cast: Executor) -> None:
    outcome = await cast.unit(lambda tx: engine.propagate_records(tx, ["PRP-AR-01"], on=TODAY))
    assert len(outcome.flags) == 3
    repaired = {
        "kind": "record",
        "recordId": "PRP-AR-01",
        "recordType": "ARREARS",
        "subjectUscc": E,
        "authorityId": "PRP-FIN",
        "decisionNo": "哈财欠〔2024〕7号",
        "decisionDate": "2024-05-01",
        "arrearsKind": "SME_PAYMENT",
        "status": "REPAIRED",
    }
    summary = await import_rows(cast, [("feed", 1, repaired)], id_key=KEY, progress=False)
    assert summary.rejected == 0
    again = await cast.unit(lambda tx: engine.propagate_records(tx, ["PRP-AR-01"], on=TODAY))
    assert sorted(again.ended_flags) == sorted(outcome.flags)
    history = await flags_on(cast, E_LR, include_ended=True)
    assert [(r["status"], r["endReason"]) for r in history] == [("ENDED", "REPAIRED")]
    assert await flags_on(cast, E_LR) == []


async def test_propagation_is_idempotent(cast: Executor) -> None:
    done = await designation.designate(cast, OFFICER, [decision()], on=TODAY)
    await cast.unit(lambda tx: engine.propagate_entries(tx, ["PRP-JD-01"], on=TODAY))
    before = await snapshot(cast)
    again = await cast.unit(
        lambda tx: engine.propagate_entries(tx, [done.entry_ids[0], "PRP-JD-01"], on=TODAY)
    )
    assert (again.created_flags, again.ended_flags, again.created_entries) == ([], [], [])
    assert await snapshot(cast) == before


async def test_rederivation_converges_and_then_changes_nothing(cast: Executor) -> None:
    await designation.designate(cast, OFFICER, [decision(), decision(B)], on=TODAY)
    first = await rederive.rederive_all(cast, OFFICER, on=TODAY)
    # The imported court entry and the SOE arrears record had not been propagated yet.
    assert first.created_entries == 1
    assert first.created_flags == 2 + 1 + 3  # D_LR, D_DEBT; D (P8); E_LR, E_PRIN, B (P3)
    before = await snapshot(cast)
    second = await rederive.rederive_all(cast, OFFICER, on=TODAY)
    assert (second.created_flags, second.ended_flags, second.created_entries) == (0, 0, 0)
    assert await snapshot(cast) == before


async def test_preview_shows_what_designation_writes_and_writes_nothing(cast: Executor) -> None:
    before = await snapshot(cast)
    plan = await designation.preview(cast, [decision()])
    assert await snapshot(cast) == before
    done = await designation.designate(cast, OFFICER, [decision()], on=TODAY)
    assert set(plan.flags) == set(done.outcome.flags)
    assert set(plan.records) == set(done.outcome.records)


async def test_a_failure_between_designation_and_propagation_leaves_nothing(
    cast: Executor, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = engine.propagate_entries
    seen: list[Outcome] = []

    async def fail_after_writing(tx: Tx, entry_ids: list[str], *, on: date) -> Outcome:
        assert await engine.load_sources(tx, engine.LIST_ENTRY, entry_ids)  # entry written
        seen.append(await real(tx, entry_ids, on=on))  # flags written in the same transaction
        raise RuntimeError("injected failure")

    before = await snapshot(cast)
    monkeypatch.setattr(engine, "propagate_entries", fail_after_writing)
    with pytest.raises(RuntimeError, match="injected"):
        await designation.designate(cast, OFFICER, [decision()], on=TODAY)
    assert seen[0].flags  # the failure came after real writes…
    assert await snapshot(cast) == before  # …and none of them survived, nor an audit event


async def test_the_sanctions_scenario_reaches_exactly_the_named_persons(
    executor: Executor,
) -> None:
    """seeds/scenarios/README.md `sanctions`: the imported entries, propagated as imports are."""
    await executor.write(DELETE_ALL)
    await load_scenario(executor, "sanctions", KEY)
    entries = ["SX-LE-0001", "SX-LE-0002", "SX-LE-0003", "SX-LE-0004"]
    outcome = await executor.unit(lambda tx: engine.propagate_entries(tx, entries, on=TODAY))
    rows = await flags.flags_by_id(executor, outcome.flags)
    reach: dict[str, set[str]] = {}
    for row in rows:
        if row["flagType"] == "PUNISHMENT_EXTENDED":
            reach.setdefault(row["sourceId"], set()).add(row["sid"])
    assert reach == {
        "SX-LE-0001": {
            pid("120101197805120124"),  # 赵敏, LR on 2025-06-10
            pid("120103197008290350"),  # 孙强, actual controller
            pid("120102198003010610"),  # 吴刚, debt-responsible
        },
        "SX-LE-0002": {pid("120105196907200732")},  # 郑伟, LR until 2025-12-31
        "SX-LE-0003-P2": {pid("120103197411110970")},  # 冯涛, through P2 then P1
        "SX-LE-0004": {pid("120101197704250085")},  # 陈红, principal: no LR
    }
    assert {r["ruleId"] for r in rows if r["flagType"] == "PUNISHMENT_EXTENDED"} == {"P1"}
    for never in (
        "120101196502030231",
        "120104198301170447",
        "12010119720606057X",
        "12010619860909085X",
    ):  # 钱勇 (former LR), 李娟, 周磊, 王磊 (LR after)
        assert await flags_on(executor, pid(never)) == [], never
