"""Tier 1 (no database): the rule files, their validation, and the pure planning step."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any

import pytest
import yaml

from graph.errors import BadUserInput
from graph.inputs import validated
from graph.model import MODEL
from graph.propagation.plan import (
    Holder,
    Source,
    SubjectRef,
    applicable,
    build_plan,
    flag_id,
)
from graph.rules import (
    LIFECYCLE,
    PROPAGATION_FILE,
    RULES,
    RuleError,
    RuleSet,
    validate_rules,
)
from graph.sanctions.flags import state_on
from graph.sanctions.inputs import DesignationIn
from graph.sanctions.lifecycle import Calendar
from resolvers.sanctions import types

ORG = SubjectRef("91230100MA1PRA0102", "ENTERPRISE", "甲")
LR = SubjectRef("P0000000000000001", "NATURAL_PERSON", "法代")
PRIN = SubjectRef("P0000000000000002", "NATURAL_PERSON", "负责人")
AC_ORG = SubjectRef("91230100MA1PRB020A", "ENTERPRISE", "乙")
DAY = date(2024, 6, 1)


def entry(list_type: str = "SERIOUS_DISHONESTY", subject: SubjectRef = ORG, **props: Any) -> Source:
    base = {"decisionDate": DAY, "validFrom": DAY, "validUntil": date(2027, 5, 31)}
    return Source("list_entry", "E1", list_type, "ACTIVE", {**base, **props}, subject)


def holder(who: SubjectRef, role: str) -> Holder:
    return Holder("E1", who, role, date(2020, 1, 1), None)


def plan_for(
    source: Source, holders: list[Holder], responsibles: tuple[SubjectRef, ...] = ()
) -> Any:
    return build_plan(
        applicable(RULES, [source]), {"E1": holders}, {"E1": list(responsibles)}, RULES
    )


def test_the_declared_rules_are_loaded_with_their_legal_basis() -> None:
    assert set(RULES.rules) >= {"P1", "P2", "P3", "P7", "P8", "P10"}
    for rule in RULES.rules.values():
        assert rule.legal_basis.startswith("00"), rule.id
    assert RULES.rules["P1"].legal_basis == "002 HLJ Art.33"


def test_only_roles_that_carry_sanctions_are_followed_by_sanctions() -> None:
    punishing = [r for r in RULES.rules.values() if r.effect.all_flags or r.effect.derive_entry]
    followed = {role for rule in punishing for role in rule.roles}
    assert followed == {"LEGAL_REPRESENTATIVE_OF", "PRINCIPAL_OF", "ACTUAL_CONTROLLER_OF"}
    assert all(MODEL.roles[r].sanction_reach for r in followed)
    # P17 links a bank's record to its managers' files: a notice, no flag.
    linking = {role for r in RULES.rules.values() if r not in punishing for role in r.roles}
    assert {"DIRECTOR_OF", "SENIOR_MANAGER_OF"} <= linking
    assert not any(MODEL.roles[r].sanction_reach for r in linking - followed)


def _mutated(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(PROPAGATION_FILE.read_text(encoding="utf-8"))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    data["rules"] = {rid: {"id": rid, **body} for rid, body in data["rules"].items()}
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("rules", "P1", "follows"), [{"role": "SHAREHOLDER_OF"}], "carries no sanctions"),
        (("rules", "P1", "follows"), [{"role": "DIRECTOR_OF"}], "carries no sanctions"),
        (("rules", "P1", "follows"), [{"role": "CEO_OF"}], "unknown role"),
        (("rules", "P1", "legal_basis"), "common sense", "not a seed citation"),
        (("rules", "P1", "trigger", "list_types"), ["BLACKLIST"], "unknown list type"),
        (("rules", "P8", "effect", "flags"), ["NOT_DECLARED"], "undeclared flag type"),
        (
            ("flag_types", "LINKED_RISK"),
            {"zh": "关联", "public": False, "source": "004 item 5"},
            "risk indicators are not sanctions",
        ),
    ],
)
def test_invalid_rules_fail_at_load(path: tuple[str, ...], value: Any, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        validate_rules(RuleSet.model_validate(_mutated(path, value)))


def test_p1_reaches_lr_and_controllers_and_principal_only_without_lr() -> None:
    plan = plan_for(
        entry(),
        [
            holder(LR, "LEGAL_REPRESENTATIVE_OF"),
            holder(PRIN, "PRINCIPAL_OF"),
            holder(AC_ORG, "ACTUAL_CONTROLLER_OF"),
        ],
    )
    reached = {(f.target.sid, f.rule_id) for f in plan.flags.values()}
    assert reached == {(LR.sid, "P1"), (AC_ORG.sid, "P1"), (ORG.sid, "P8")}
    assert [r.flag.target.sid for r in plan.records.values()] == [LR.sid]  # persons only
    fallback = plan_for(entry(), [holder(PRIN, "PRINCIPAL_OF")])
    assert {f.target.sid for f in fallback.flags.values() if f.rule_id == "P1"} == {PRIN.sid}


def test_two_roles_give_one_flag_with_two_paths_and_a_stable_id() -> None:
    plan = plan_for(
        entry(), [holder(LR, "LEGAL_REPRESENTATIVE_OF"), holder(LR, "ACTUAL_CONTROLLER_OF")]
    )
    (flag,) = [f for f in plan.flags.values() if f.rule_id == "P1"]
    assert sorted(p.role for p in flag.paths.values()) == [
        "ACTUAL_CONTROLLER_OF",
        "LEGAL_REPRESENTATIVE_OF",
    ]
    assert flag.flag_id == flag_id("E1", LR.sid, "PUNISHMENT_EXTENDED")
    assert flag.valid_until == date(2027, 5, 31)


def test_rules_that_do_not_apply() -> None:
    organ = SubjectRef("11230100MB1PRG070X", "GOV_ORGAN", "局")
    plan = plan_for(entry(subject=organ), [holder(LR, "LEGAL_REPRESENTATIVE_OF")])
    assert {(f.rule_id, f.target.sid) for f in plan.flags.values()} == {("P8", organ.sid)}
    removed = Source("list_entry", "E1", "SERIOUS_DISHONESTY", "REMOVED", entry().props, ORG)
    assert applicable(RULES, [removed]) == []
    plain = SubjectRef(ORG.sid, "ENTERPRISE", "甲", is_soe=False)
    arrears = Source("record", "R1", "ARREARS", "PUBLISHED", {"arrearsKind": "SME_PAYMENT"}, plain)
    assert applicable(RULES, [arrears]) == []
    soe = SubjectRef(ORG.sid, "ENTERPRISE", "甲", is_soe=True)
    tax = Source("record", "R1", "ARREARS", "PUBLISHED", {"arrearsKind": "TAX"}, soe)
    assert applicable(RULES, [tax]) == []
    sme = Source("record", "R1", "ARREARS", "PUBLISHED", {"arrearsKind": "SME_PAYMENT"}, soe)
    assert [r.id for r, _ in applicable(RULES, [sme])] == ["P3"]


def test_p7_commitment_violated_flags_the_subject_until_publication_ends() -> None:
    props = {
        "commitmentStatus": "VIOLATED",
        "decisionDate": DAY,
        "publicationEnd": date(2026, 1, 1),
    }
    record = Source("record", "R7", "COMMITMENT", "PUBLISHED", props, ORG)
    plan = build_plan(applicable(RULES, [record]), {}, {}, RULES)
    assert sorted((f.flag_type, f.valid_until) for f in plan.flags.values()) == [
        ("COMMITMENT_INELIGIBLE", date(2026, 1, 1)),
        ("KEY_SUPERVISION", date(2026, 1, 1)),
    ]


def test_p2_derives_a_serious_entry_that_p1_then_reaches_through() -> None:
    court = entry("JUDGMENT_DEFAULTER")
    plan = plan_for(court, [holder(LR, "LEGAL_REPRESENTATIVE_OF")])
    assert plan.flags == {}
    (derived,) = plan.entries.values()
    assert (derived.entry_id, derived.list_type) == ("E1-P2", "SERIOUS_DISHONESTY")
    virtual = derived.virtual_source()
    assert [r.id for r, _ in applicable(RULES, [virtual])] == ["P1", "P8", "P18", "P20"]


def test_p10_key_attention_flags_the_subject_only() -> None:
    plan = plan_for(entry("KEY_ATTENTION"), [holder(LR, "LEGAL_REPRESENTATIVE_OF")])
    assert [(f.target.sid, f.flag_type) for f in plan.flags.values()] == [
        (ORG.sid, "KEY_ATTENTION_SUPERVISION")
    ]
    assert LIFECYCLE.lists["KEY_ATTENTION"].measure_kinds == ("CONSTRAINT",)


def test_flag_state_on_a_day() -> None:
    row = {"validUntil": date(2025, 12, 31), "endedAt": None, "endReason": None}
    assert state_on(row, date(2025, 12, 31)).status == "ACTIVE"
    assert (state_on(row, date(2026, 1, 1)).status, state_on(row, date(2026, 1, 1)).end_reason) == (
        "ENDED",
        "EXPIRED",
    )
    ended = {**row, "endedAt": date(2025, 3, 1), "endReason": "REPAIRED"}
    assert state_on(ended, date(2025, 2, 28)).status == "ACTIVE"
    assert state_on(ended, date(2025, 3, 1)).end_reason == "REPAIRED"


def test_a_serious_list_decision_must_state_its_period_and_remedies() -> None:
    base = {
        "listType": "SERIOUS_DISHONESTY",
        "subjectId": "91230100MA1PRA0102",
        "authorityId": "X",
        "decisionNo": "1",
        "decisionDate": "2024-06-01",
        "reason": "r",
        "legalBasis": "b",
        "removalConditions": "c",
        "remedies": "m",
    }
    with pytest.raises(BadUserInput, match="validUntil is required"):
        validated(DesignationIn, base)
    ok = validated(DesignationIn, {**base, "validUntil": "2027-05-31"})
    assert ok.valid_from == date(2024, 6, 1)
    assert ok.entry_id == validated(DesignationIn, {**base, "validUntil": "2030-01-01"}).entry_id
    attention = validated(DesignationIn, {**base, "listType": "KEY_ATTENTION", "remedies": None})
    assert attention.valid_until is None


def test_working_days_skip_weekends_and_holidays() -> None:
    friday = date(2026, 10, 30)
    assert Calendar().add_working_days(friday, 3) == date(2026, 11, 4)
    assert Calendar(holidays={date(2026, 11, 2)}).add_working_days(friday, 1) == date(2026, 11, 3)


@pytest.mark.parametrize(
    ("enum", "values"),
    [
        (types.FlagType, list(RULES.flag_types)),
        (types.FlagEndReason, [*MODEL.removal_reasons, "NO_LONGER_DERIVED"]),
        (types.ObjectionGrounds, list(LIFECYCLE.objections.grounds)),
        (types.RepairMethod, list(LIFECYCLE.repair.methods)),
        (types.MeasureKind, MODEL.measure_kinds),
    ],
)
def test_enums_match_the_rules(enum: type[Enum], values: list[str]) -> None:
    assert [m.value for m in enum] == values


def test_one_in_force_definition_for_rules_readers_counts_and_filters() -> None:
    from graph.rules import check_in_force
    from graph.rules.in_force import IN_FORCE, effective_status, in_force, status_filter

    assert IN_FORCE == ("ACTIVE", "OBJECTION_PENDING")
    last_day = date(2025, 12, 31)
    assert effective_status("OBJECTION_PENDING", last_day, last_day) == "OBJECTION_PENDING"
    assert effective_status("OBJECTION_PENDING", last_day, date(2026, 1, 1)) == "EXPIRED"
    assert effective_status("REMOVED", last_day, date(2026, 1, 1)) == "REMOVED"
    assert in_force("OBJECTION_PENDING", None, DAY)
    assert not in_force("REMOVED", None, DAY)
    assert status_filter(["ACTIVE"]) == ["ACTIVE", "OBJECTION_PENDING"]
    assert status_filter(["OBJECTION_PENDING", "EXPIRED"]) == ["OBJECTION_PENDING", "EXPIRED"]
    assert status_filter(None) is None
    # A list-entry rule that ignored entries under objection would contradict lifecycle.yaml.
    raw = yaml.safe_load(PROPAGATION_FILE.read_text(encoding="utf-8"))
    raw["rules"]["P8"]["trigger"]["statuses"] = ["ACTIVE"]
    rules = {rid: {"id": rid, **body} for rid, body in raw["rules"].items()}
    narrowed = validate_rules(RuleSet.model_validate({**raw, "rules": rules}))
    with pytest.raises(RuleError, match="P8: a list-entry rule starts from the in-force"):
        check_in_force(narrowed, LIFECYCLE)
