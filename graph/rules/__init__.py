"""Sanction rules declared as data: propagation (P1–P8, P10, P16–P18, P20) and the lifecycle.

`propagation.yaml` and `lifecycle.yaml` are loaded and validated once, at import, against the
domain model: a rule may follow only roles that carry sanctions (`sanction_reach` in
graph/model/domain.yaml), name only declared list, record and flag types, and must cite its
legal basis in DOMAIN.md's citation format. A typo in a rule file therefore fails at start-up,
never in a request.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, model_validator

from graph.model import MODEL, DomainModel

RULES_DIR = Path(__file__).resolve().parent
PROPAGATION_FILE = RULES_DIR / "propagation.yaml"
LIFECYCLE_FILE = RULES_DIR / "lifecycle.yaml"

# "002 HLJ Art.33", "001 item 10", "004 item 2", "003 §6(1)": a seed file, then where in it.
CITATION = re.compile(r"^00[0-4] \S.*$")
SUBJECT_FIELDS = ("kind", "isSOE", "isFinancialOrg")
Scalar = str | bool | int | float | None


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Follow(Strict):
    """One way a rule reaches someone: a role held in the source subject (`role`), a role the
    source subject holds in another organisation (`held`: the association it is a member of),
    or an edge to the source entry (the debt-responsible persons a decision names)."""

    role: str | None = None
    held: str | None = None
    edge: Literal["DEBT_RESPONSIBLE_FOR"] | None = None
    only_if_none: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _one_kind(self) -> Follow:
        if sum(x is not None for x in (self.role, self.held, self.edge)) != 1:
            raise ValueError("a follow names exactly one of `role`, `held` or `edge`")
        if self.role is None and self.only_if_none:
            raise ValueError("`only_if_none` applies to roles only")
        return self

    @property
    def name(self) -> str:
        return self.role or self.held or self.edge or ""


class Employment(Strict):
    """A person's job on the decision date that a rule needs (P5: public staff of a state body)."""

    positions: tuple[str, ...]
    # The employer must match one of these (each a map of subject fields).
    employer_any: tuple[dict[str, tuple[Scalar, ...]], ...]


class Trigger(Strict):
    kind: Literal["list_entry", "record"]
    list_types: tuple[str, ...] = ()
    record_types: tuple[str, ...] = ()
    statuses: tuple[str, ...]
    where: dict[str, tuple[Scalar, ...]] = {}
    subject_kinds: tuple[str, ...] = ()
    subject_where: dict[str, tuple[Scalar, ...]] = {}
    # Alternatives: the subject must match at least one (each a map of subject fields).
    subject_any: tuple[dict[str, tuple[Scalar, ...]], ...] = ()
    employment: Employment | None = None

    @property
    def types(self) -> tuple[str, ...]:
        return self.list_types if self.kind == "list_entry" else self.record_types


class AfterDeadline(Strict):
    """Flags that begin only when a deadline (in `deadlines`) has passed since the start."""

    deadline: str
    flags: tuple[str, ...]


class Effect(Strict):
    flags: tuple[str, ...] = ()
    record: str | None = None
    derive_entry: str | None = None
    after_deadline: AfterDeadline | None = None
    notify: tuple[str, ...] = ()  # recipients of a notification awaiting a handling result

    @property
    def all_flags(self) -> tuple[str, ...]:
        later = self.after_deadline.flags if self.after_deadline else ()
        return (*self.flags, *later)


class Validity(Strict):
    starts: Literal["validFrom", "decisionDate"]
    ends: Literal["validUntil", "publicationEnd"] | None
    note: str


class Rule(Strict):
    id: str
    title: str
    zh: str
    trigger: Trigger
    reaches: Literal["subject", "role_holders"]
    follows: tuple[Follow, ...] = ()
    effect: Effect
    validity: Validity
    legal_basis: str
    cites: tuple[str, ...] = ()

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(f.role for f in self.follows if f.role)

    @property
    def held_roles(self) -> tuple[str, ...]:
        return tuple(f.held for f in self.follows if f.held)

    @property
    def edges(self) -> tuple[str, ...]:
        return tuple(f.edge for f in self.follows if f.edge)


class FlagType(Strict):
    zh: str
    public: bool
    source: str


class Deadline(Strict):
    """A period the seeds leave open ([Not in seeds]): a default and the setting overriding it."""

    days: int
    setting: str
    note: str

    @property
    def effective_days(self) -> int:
        raw = os.environ.get(self.setting)
        return int(raw) if raw else self.days


class Recipient(Strict):
    """Who a rule's notification goes to. `employer`: the person's employer (a graph node);
    otherwise a body the seeds name by function, recorded by that function."""

    zh: str
    en: str
    employer: bool = False
    subject: bool = False  # the subject itself (P16's reminder)
    reached: bool = False  # each subject the rule reaches (P17's files, P18's associations)
    participants: bool = False  # the authorities taking part in the entry's list (P20)
    awaits_result: bool = True  # a reminder informs; it waits for no handling result
    deadline: str = "handling"  # the period (in `deadlines`) after which a result is overdue


class RuleSet(Strict):
    flag_types: dict[str, FlagType]
    deadlines: dict[str, Deadline] = {}
    recipients: dict[str, Recipient] = {}
    rules: dict[str, Rule]

    def by_trigger(self, kind: str) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules.values() if r.trigger.kind == kind)

    def source_types(self, kind: str) -> tuple[str, ...]:
        """Every list (or record) type some rule starts from."""
        return tuple(sorted({t for r in self.by_trigger(kind) for t in r.trigger.types}))


class ListPolicy(Strict):
    requires: tuple[str, ...]
    measure_kinds: tuple[str, ...]
    default_period_days: int | None
    source: str


class RemovalEffect(Strict):
    record_status: str
    stop_publication: bool
    source: str


class ObjectionPolicy(Strict):
    grounds: tuple[str, ...]
    mark_working_days: int
    decide_working_days: int
    source: str


class RepairPolicy(Strict):
    methods: tuple[str, ...]
    source: str


class Lifecycle(Strict):
    lists: dict[str, ListPolicy]
    in_force_statuses: tuple[str, ...]
    removal: dict[str, RemovalEffect]
    record_end_reasons: dict[str, str]
    objections: ObjectionPolicy
    repair: RepairPolicy


class RuleError(ValueError):
    """A rule file that contradicts the domain model or itself."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise RuleError(message)


def _citation(rule_id: str, text: str) -> None:
    _check(bool(CITATION.match(text)), f"{rule_id}: {text!r} is not a seed citation")


def validate_rules(rules: RuleSet, model: DomainModel = MODEL) -> RuleSet:
    """Check every name in `rules` against the model; raise `RuleError` on the first mistake."""
    subject_kinds = {*model.organization_kinds, "NATURAL_PERSON"}
    for rid, rule in rules.rules.items():
        _check(rule.id == rid and re.fullmatch(r"P\d+", rid) is not None, f"bad rule id {rid}")
        t = rule.trigger
        if t.kind == "list_entry":
            _check(bool(t.list_types) and not t.record_types, f"{rid}: list_types only")
            for lt in t.list_types:
                _check(lt in model.list_types, f"{rid}: unknown list type {lt}")
            for st in t.statuses:
                _check(st in model.list_statuses, f"{rid}: unknown list status {st}")
        else:
            _check(bool(t.record_types) and not t.list_types, f"{rid}: record_types only")
            for rt in t.record_types:
                _check(rt in model.record_types, f"{rid}: unknown record type {rt}")
            for st in t.statuses:
                _check(st in model.record_statuses, f"{rid}: unknown record status {st}")
        for kind in t.subject_kinds:
            _check(kind in subject_kinds, f"{rid}: unknown subject kind {kind}")
        for key in [*t.subject_where, *(k for alt in t.subject_any for k in alt)]:
            _check(key in SUBJECT_FIELDS, f"{rid}: subject conditions may test {SUBJECT_FIELDS}")
        for alt in t.subject_any:
            for alt_kind in alt.get("kind", ()):
                _check(alt_kind in subject_kinds, f"{rid}: unknown subject kind {alt_kind}")
        if rule.reaches == "subject":
            _check(not rule.follows, f"{rid}: a rule reaching the subject follows no roles")
        else:
            _check(bool(rule.follows), f"{rid}: a rule reaching role holders must follow some")
        for follow in rule.follows:
            if follow.edge is not None:
                _check(t.kind == "list_entry", f"{rid}: {follow.edge} points at list entries")
                continue
            role = model.roles.get(follow.name)
            _check(role is not None, f"{rid}: unknown role {follow.name}")
            assert role is not None
            _check(
                role.sanction_reach or not (rule.effect.all_flags or rule.effect.derive_entry),
                f"{rid}: {follow.name} carries no sanctions (sanction_reach is false in the "
                "model); a punishment may reach only the roles the law names (002 HLJ Art.33)",
            )
            if follow.held is not None:
                _check(
                    not (rule.effect.all_flags or rule.effect.derive_entry),
                    f"{rid}: a sanction never reaches an organisation through a role its "
                    "subject holds there",
                )
            for other in follow.only_if_none:
                _check(other in rule.roles, f"{rid}: only_if_none names {other}, not followed")
        e = rule.effect
        _check(bool(e.all_flags or e.derive_entry or e.notify), f"{rid}: the rule has no effect")
        for name in e.notify:
            _check(name in rules.recipients, f"{rid}: undeclared recipient {name}")
            period = rules.recipients[name].deadline
            _check(period in rules.deadlines, f"{name}: undeclared deadline {period}")
            if rules.recipients[name].participants:
                _check(t.kind == "list_entry", f"{rid}: participants take part in lists")
        if e.notify:
            _check(
                "handling" in rules.deadlines, f"{rid}: notifications need a `handling` deadline"
            )
        if t.employment is not None:
            _check(t.subject_kinds == ("NATURAL_PERSON",), f"{rid}: employment is a person's")
            for pos in t.employment.positions:
                _check(pos in model.employment_positions, f"{rid}: unknown position {pos}")
            for alt in t.employment.employer_any:
                for key in alt:
                    _check(
                        key in SUBJECT_FIELDS, f"{rid}: employer conditions test {SUBJECT_FIELDS}"
                    )
        if any(rules.recipients[n].employer for n in e.notify if n in rules.recipients):
            _check(t.employment is not None, f"{rid}: an employer needs `employment`")
        for flag in e.all_flags:
            _check(flag in rules.flag_types, f"{rid}: undeclared flag type {flag}")
        if e.after_deadline is not None:
            name = e.after_deadline.deadline
            _check(name in rules.deadlines, f"{rid}: undeclared deadline {name}")
            _check(rule.validity.starts == "validFrom", f"{rid}: a deadline runs from validFrom")
        if e.record is not None:
            rtype = model.record_types.get(e.record)
            _check(rtype is not None and rtype.derived, f"{rid}: {e.record} is no derived record")
            _check(bool(e.flags), f"{rid}: a derived record belongs to a flag")
        if e.derive_entry is not None:
            _check(e.derive_entry in model.list_types, f"{rid}: unknown list {e.derive_entry}")
            _check(t.kind == "list_entry", f"{rid}: entries derive from entries")
            # The same list only for another subject that the rule can never start from (P6:
            # the enterprise's entry lists its legal representative), so nothing loops.
            _check(
                e.derive_entry not in t.list_types
                or (
                    rule.reaches == "role_holders"
                    and bool(t.subject_kinds)
                    and "NATURAL_PERSON" not in t.subject_kinds
                ),
                f"{rid}: an entry cannot derive itself",
            )
        if rule.validity.ends == "validUntil" or rule.validity.starts == "validFrom":
            _check(t.kind == "list_entry", f"{rid}: validFrom/validUntil are list-entry fields")
        if rule.validity.ends == "publicationEnd":
            _check(t.kind == "record", f"{rid}: publicationEnd is a record field")
        _citation(rid, rule.legal_basis)
        for cite in rule.cites:
            _citation(rid, cite)
    for name, flag_type in rules.flag_types.items():
        _check(name.isupper(), f"flag type {name} must be UPPER_CASE")
        _check("RISK" not in name, f"{name}: risk indicators are not sanctions (DOMAIN.md §7.3)")
        for part in flag_type.source.split(";"):
            _citation(name, part.strip())
    return rules


def validate_lifecycle(lifecycle: Lifecycle, model: DomainModel = MODEL) -> Lifecycle:
    _check(set(lifecycle.lists) == set(model.list_types), "lifecycle.lists must cover every list")
    for name, policy in lifecycle.lists.items():
        for kind in policy.measure_kinds:
            _check(kind in model.measure_kinds, f"{name}: unknown measure kind {kind}")
    for st in lifecycle.in_force_statuses:
        _check(st in model.list_statuses, f"unknown list status {st}")
    _check(set(lifecycle.removal) == set(model.removal_reasons), "removal must cover every reason")
    for reason, effect in lifecycle.removal.items():
        _check(effect.record_status in model.record_statuses, f"{reason}: unknown record status")
    for status, reason in lifecycle.record_end_reasons.items():
        _check(status in model.record_statuses, f"record_end_reasons: unknown status {status}")
        _check(reason in model.removal_reasons, f"record_end_reasons: unknown reason {reason}")
    return lifecycle


def check_in_force(rules: RuleSet, lifecycle: Lifecycle) -> None:
    """List-entry rules start from exactly the statuses under which an entry is in force, so
    propagation, removal, readers and counts share one definition (graph/rules/in_force.py)."""
    for rid, rule in rules.rules.items():
        if rule.trigger.kind == "list_entry":
            _check(
                set(rule.trigger.statuses) == set(lifecycle.in_force_statuses),
                f"{rid}: a list-entry rule starts from the in-force statuses of "
                f"lifecycle.yaml {list(lifecycle.in_force_statuses)}, not "
                f"{list(rule.trigger.statuses)}",
            )


def load_rules(path: Path = PROPAGATION_FILE) -> RuleSet:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = {rid: {"id": rid, **body} for rid, body in (data.get("rules") or {}).items()}
    return validate_rules(RuleSet.model_validate({**data, "rules": rules}))


def load_lifecycle(path: Path = LIFECYCLE_FILE) -> Lifecycle:
    return validate_lifecycle(Lifecycle.model_validate(yaml.safe_load(path.read_text("utf-8"))))


RULES = load_rules()
LIFECYCLE = load_lifecycle()
check_in_force(RULES, LIFECYCLE)
