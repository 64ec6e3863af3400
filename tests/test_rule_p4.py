"""P4 (002 HLJ Art.32): a state organ or state-owned unit on the serious list that does not
correct in time. Its principal is interviewed and ordered to correct by a deadline; when the
deadline passes uncorrected, accountability is pursued. Correction (repair) ends both."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from graph.audit import Actor
from graph.executor import Executor
from graph.identifiers import person_key
from graph.rules import RULES
from graph.sanctions import designation, flags, lifecycle
from graph.sanctions.inputs import DesignationIn, RepairIn
from seeds.scenarios import load_scenario
from tests.conftest import DELETE_ALL

pytestmark = pytest.mark.db

KEY = b"test-hash-key"
DECIDED = date(2026, 3, 2)
OFFICER = Actor("officer-1", "sanction_officer")
ORGAN, SOE, PRIVATE, HOSPITAL = (
    "11230100MB1PTA0190",
    "91230100MA1PTB026L",
    "91230100MA1PTC0370",
    "12230100MB1PTD041W",
)


def pid(number: str) -> str:
    return person_key(number, KEY).pid


ORGAN_LR, ORGAN_HEAD = pid("230100197001010017"), pid("23010019710202002X")
SOE_LR, SOE_HEAD = pid("230100197203030032"), pid("230100197304040045")
PRIVATE_LR, PRIVATE_HEAD = pid("230100197405050058"), pid("230100197506060060")
HOSPITAL_HEAD = pid("230100197607070073")
DEADLINE = RULES.deadlines["correction"].effective_days
ACCOUNTABLE_FROM = DECIDED + timedelta(days=DEADLINE + 1)


def decision(subject: str) -> DesignationIn:
    return DesignationIn.model_validate(
        {
            "listType": "SERIOUS_DISHONESTY",
            "subjectId": subject,
            "authorityId": "ST-CREDIT",
            "decisionNo": f"哈发改信〔2026〕{subject[-3:]}号",
            "decisionDate": DECIDED,
            "reason": "拖欠中小企业账款，经催告仍不履行",
            "legalBasis": "《黑龙江省社会信用条例》第二十九条",
            "validUntil": date(2029, 3, 1),
            "removalConditions": "纠正失信行为并完成信用修复",
            "remedies": "可依法申请行政复议或者提起行政诉讼",
        }
    )


@pytest.fixture
async def listed(executor: Executor) -> list[str]:
    """All four subjects listed on DECIDED; returns the entry ids in that order."""
    await executor.write(DELETE_ALL)
    await load_scenario(executor, "state_bodies", KEY)
    done = await designation.designate(
        executor,
        OFFICER,
        [decision(s) for s in (ORGAN, SOE, PRIVATE, HOSPITAL)],
        on=DECIDED,
    )
    return list(done.entry_ids)


async def effects(executor: Executor, as_of: date) -> set[tuple[str, str, str]]:
    """(subject, flag type, rule) of every flag in force on `as_of` in the scenario."""
    sids = [ORGAN, SOE, PRIVATE, HOSPITAL, ORGAN_LR, ORGAN_HEAD, SOE_LR, SOE_HEAD]
    sids += [PRIVATE_LR, PRIVATE_HEAD, HOSPITAL_HEAD]
    found = await flags.subject_flags(executor, sids, as_of=as_of, include_ended=False)
    return {(sid, f["flagType"], f["ruleId"]) for sid, rows in found.items() for f in rows}


def p4(found: set[tuple[str, str, str]]) -> set[tuple[str, str]]:
    return {(sid, flag) for sid, flag, rule in found if rule == "P4"}


async def test_the_principal_of_each_state_body_is_interviewed_from_the_listing(
    listed: list[str], executor: Executor
) -> None:
    found = await effects(executor, DECIDED)
    # The principal only: not the legal representative, and no private company's principal.
    assert p4(found) == {
        (ORGAN_HEAD, "INTERVIEW_REQUIRED"),
        (SOE_HEAD, "INTERVIEW_REQUIRED"),
        (HOSPITAL_HEAD, "INTERVIEW_REQUIRED"),
    }
    # The market subjects' legal representatives are punished by P1 as before (the SOE too).
    assert (SOE_LR, "PUNISHMENT_EXTENDED", "P1") in found
    assert (PRIVATE_LR, "PUNISHMENT_EXTENDED", "P1") in found
    assert not any(sid == ORGAN_LR for sid, _, _ in found)


async def test_accountability_begins_the_day_after_the_deadline(
    listed: list[str], executor: Executor
) -> None:
    last_day = ACCOUNTABLE_FROM - timedelta(days=1)
    assert (ORGAN_HEAD, "ACCOUNTABILITY_PURSUED") not in p4(await effects(executor, last_day))
    after = p4(await effects(executor, ACCOUNTABLE_FROM))
    assert after == {
        (sid, flag)
        for sid in (ORGAN_HEAD, SOE_HEAD, HOSPITAL_HEAD)
        for flag in ("INTERVIEW_REQUIRED", "ACCOUNTABILITY_PURSUED")
    }


async def test_correction_before_the_deadline_ends_the_interview_and_prevents_accountability(
    listed: list[str], executor: Executor
) -> None:
    organ_entry = listed[0]
    corrected = DECIDED + timedelta(days=10)
    repair = RepairIn.model_validate(
        {"entryId": organ_entry, "methods": ["RECTIFICATION"], "completedAt": corrected}
    )
    await lifecycle.approve_repair(executor, OFFICER, repair, today=corrected)
    later = p4(await effects(executor, ACCOUNTABLE_FROM))
    assert {sid for sid, _ in later} == {SOE_HEAD, HOSPITAL_HEAD}
    history = await flags.subject_flags(
        executor, [ORGAN_HEAD], as_of=ACCOUNTABLE_FROM, include_ended=True
    )
    ended: list[dict[str, Any]] = history[ORGAN_HEAD]
    assert [(f["flagType"], f["endReason"], f["endedAt"]) for f in ended] == [
        ("INTERVIEW_REQUIRED", "REPAIRED", corrected)
    ]


def test_the_deadline_is_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORRECTION_DEADLINE_DAYS", "45")
    assert RULES.deadlines["correction"].effective_days == 45
