"""Planning: which flags, person records and derived entries the rules imply (pure, no I/O).

The engine reads sources and role holders from the graph, hands them to `build_plan`, and writes
the result; `previewPropagation` stops after planning. Keeping this step pure makes the rules'
semantics testable without a database and guarantees the preview shows exactly what a
designation would write.

Identity is deterministic: a flag is one per (source, target, flag type) and carries every path
that reached the target (a person holding two roles gets one flag with two paths), so running
the same propagation twice finds the same ids and changes nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from graph.explain.citations import cite
from graph.explain.sentences import list_label
from graph.model import MODEL
from graph.rules import RULES, Rule, RuleSet

PERSON_KIND = "NATURAL_PERSON"


@dataclass(frozen=True)
class SubjectRef:
    sid: str
    kind: str | None
    name: str | None = None
    is_soe: bool | None = None
    industry: str | None = None

    def field(self, name: str) -> Any:
        if name == "isFinancialOrg":
            return (self.industry or "")[:3] in MODEL.financial_industries
        return {"kind": self.kind, "isSOE": self.is_soe}.get(name)


@dataclass(frozen=True)
class Source:
    """A list entry or credit record that may start a rule."""

    kind: str  # "list_entry" or "record"
    id: str
    type: str  # list type or record type
    status: str | None
    props: Mapping[str, Any]
    subject: SubjectRef
    responsibles: tuple[SubjectRef, ...] | None = None  # known up front (preview); else read
    virtual: bool = False  # not in the graph (a preview)

    @property
    def decision_date(self) -> date | None:
        value = self.props.get("decisionDate")
        return value if isinstance(value, date) else None


@dataclass(frozen=True)
class Holder:
    """Someone who held a role in a source's subject on the source's decision date."""

    source_id: str
    subject: SubjectRef
    role: str
    start: date | None
    end: date | None


@dataclass(frozen=True)
class Employer:
    """Where a person worked, in which position, on a source's decision date (P5)."""

    source_id: str
    subject: SubjectRef
    position: str | None


@dataclass(frozen=True)
class Participant:
    """An authority taking part in the joint punishment of a list's subjects (P20)."""

    authority_id: str
    list_types: tuple[str, ...]


@dataclass(frozen=True)
class PlannedNotice:
    """A notification a rule sends with a listing or record: to a body named by its function,
    a subject in the graph (employer, member file, practitioner file, the subject itself) or a
    participating authority; most await a handling result (P4, P5, P16–P18, P20)."""

    notice_id: str
    rule_id: str
    legal_basis: str
    recipient: str
    to: SubjectRef | None  # the recipient when it is a subject in the graph
    source: Source
    awaits_result: bool = True
    authority_id: str | None = None  # the recipient when it is an authority (P20)

    def row(self, on: date, due_days: int) -> dict[str, Any]:
        return {
            "noticeId": self.notice_id,
            "ruleId": self.rule_id,
            "legalBasis": self.legal_basis,
            "recipient": self.recipient,
            "recipientSid": self.to.sid if self.to else None,
            "authorityId": self.authority_id,
            "sourceId": self.source.id,
            "sourceKind": "LIST_ENTRY" if self.source.kind == "list_entry" else "RECORD",
            "subjectSid": self.source.subject.sid,
            "sentOn": on,
            "dueOn": on + timedelta(days=due_days) if self.awaits_result else None,
        }


@dataclass(frozen=True)
class PathStep:
    """source subject —role (start–end)→ target: one way a rule reached the target."""

    via_sid: str
    role: str
    start: date | None
    end: date | None

    @property
    def key(self) -> str:
        return f"{self.role}|{self.start or ''}|{self.via_sid}"


@dataclass
class PlannedFlag:
    flag_id: str
    flag_type: str
    rule_id: str
    legal_basis: str
    public: bool
    target: SubjectRef
    source: Source
    valid_from: date | None
    valid_until: date | None
    paths: dict[str, PathStep] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        return {
            "flagId": self.flag_id,
            "flagType": self.flag_type,
            "ruleId": self.rule_id,
            "legalBasis": self.legal_basis,
            "public": self.public,
            "targetSid": self.target.sid,
            "sourceId": self.source.id,
            "sourceSid": self.source.subject.sid,
            "validFrom": self.valid_from,
            "validUntil": self.valid_until,
        }

    def path_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "flagId": self.flag_id,
                "key": key,
                "viaSid": p.via_sid,
                "role": p.role,
                "from": p.start,
                "to": p.end,
            }
            for key, p in sorted(self.paths.items())
        ]


def person_record_title(source: Source) -> str:
    """The act as it reads in the person's own credit information (no internal ids)."""
    number = source.props.get("decisionNo")
    decided = f"（{number}）" if number else ""
    name = source.subject.name or source.subject.sid
    return f"因{name}被列入{list_label(source.type)}{decided}记入的个人失信信息"


def derived_reason(
    parent: Source, list_type: str, legal_basis: str, path: PathStep | None = None
) -> str:
    """Why an entry was created automatically, as its decision would say it."""
    number = parent.props.get("decisionNo")
    decided = f"（{number}）" if number else ""
    if path is not None:  # P6: the person is listed with the enterprise they represent
        since = f"（{path.start.isoformat()}起）" if path.start else ""
        org = parent.subject.name or parent.subject.sid
        return (
            f"因担任{org}的{MODEL.roles[path.role].zh}{since}，{org}被列入"
            f"{list_label(parent.type)}{decided}，依据{cite(legal_basis)}，一并列入"
            f"{list_label(list_type)}"
        )
    return (
        f"因被列入{list_label(parent.type)}{decided}，依据{cite(legal_basis)}，"
        f"认定为{list_label(list_type)}"
    )


@dataclass(frozen=True)
class PlannedRecord:
    """The dishonest act written into a natural person's own credit information (P1)."""

    record_id: str
    record_type: str
    flag: PlannedFlag

    def row(self, on: date) -> dict[str, Any]:
        f = self.flag
        props = f.source.props
        return {
            "recordId": self.record_id,
            "recordType": self.record_type,
            "flagId": f.flag_id,
            "targetSid": f.target.sid,
            "sourceId": f.source.id,
            "ruleId": f.rule_id,
            "title": person_record_title(f.source),
            "legalBasis": f.legal_basis,
            "decisionNo": props.get("decisionNo"),
            "decisionDate": props.get("decisionDate"),
            "publicationEnd": f.valid_until,
            "publishedAt": on,
        }


@dataclass(frozen=True)
class PlannedEntry:
    """A list entry a rule creates automatically, with the source it derives from: on the same
    subject (P2), or on a person the rule reaches through a role (P6, with the path)."""

    entry_id: str
    list_type: str
    rule_id: str
    legal_basis: str
    parent: Source
    subject: SubjectRef
    path: PathStep | None = None

    def row(self) -> dict[str, Any]:
        return {
            "entryId": self.entry_id,
            "listType": self.list_type,
            "subjectSid": self.subject.sid,
            "derivedFrom": self.parent.id,
            "ruleId": self.rule_id,
            "legalBasis": self.legal_basis,
            "reason": derived_reason(self.parent, self.list_type, self.legal_basis, self.path),
        }

    def virtual_source(self) -> Source:
        """What the entry will look like once written: used by previews."""
        props = dict(self.parent.props)
        props.update(entryId=self.entry_id, listType=self.list_type, derivedFrom=self.parent.id)
        return Source(
            kind="list_entry",
            id=self.entry_id,
            type=self.list_type,
            status="ACTIVE",
            props=props,
            subject=self.subject,
            responsibles=self.parent.responsibles if self.path is None else (),
            virtual=True,
        )


@dataclass
class Plan:
    flags: dict[str, PlannedFlag] = field(default_factory=dict)
    records: dict[str, PlannedRecord] = field(default_factory=dict)
    entries: dict[str, PlannedEntry] = field(default_factory=dict)
    notices: dict[str, PlannedNotice] = field(default_factory=dict)

    def merge(self, other: Plan) -> None:
        for fid, flag in other.flags.items():
            mine = self.flags.setdefault(fid, flag)
            if mine is not flag:
                mine.paths.update(flag.paths)
        self.records.update(other.records)
        self.entries.update(other.entries)
        self.notices.update(other.notices)


def digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def flag_id(source_id: str, target_sid: str, flag_type: str) -> str:
    """One flag per (source, target, flag type), whatever the paths and however often derived."""
    return "F" + digest(source_id, target_sid, flag_type)[:24]


def record_id(flag: str) -> str:
    return "PDR" + digest("record", flag)[:24]


def notice_id(source_id: str, rule_id: str, recipient: str, to: str | None) -> str:
    """One notification per (source, rule, recipient, recipient node: subject or authority)."""
    return "N" + digest(source_id, rule_id, recipient, to or "")[:24]


def employs(rule: Rule, employer: Employer) -> bool:
    """Is `employer` the kind of job the rule's `employment` asks for?"""
    wanted = rule.trigger.employment
    if wanted is None or employer.position not in wanted.positions:
        return False
    return any(
        all(employer.subject.field(k) in allowed for k, allowed in alt.items())
        for alt in wanted.employer_any
    )


def derived_entry_id(parent_id: str, rule_id: str, person: str | None = None) -> str:
    """P2's entry: `<parent>-P2`; an entry for a reached person: `<parent>-P6-<8 hex>`."""
    base = f"{parent_id}-{rule_id}"
    return base if person is None else f"{base}-{digest(person)[:8]}"


def qualifies(rule: Rule, source: Source) -> bool:
    """Does `source` start `rule`? Type, status, source fields and subject conditions."""
    t = rule.trigger
    if source.kind != t.kind or source.type not in t.types or source.status not in t.statuses:
        return False
    if any(source.props.get(k) not in allowed for k, allowed in t.where.items()):
        return False
    if t.subject_kinds and source.subject.kind not in t.subject_kinds:
        return False
    if t.subject_any and not any(
        all(source.subject.field(k) in allowed for k, allowed in alt.items())
        for alt in t.subject_any
    ):
        return False
    return all(source.subject.field(k) in allowed for k, allowed in t.subject_where.items())


def applicable(rules: RuleSet, sources: Iterable[Source]) -> list[tuple[Rule, Source]]:
    return [(r, s) for s in sources for r in rules.by_trigger(s.kind) if qualifies(r, s)]


def _reached(
    rule: Rule,
    source: Source,
    holders: Sequence[Holder],
    responsibles: Sequence[SubjectRef],
    held: Sequence[Holder] = (),
) -> list[tuple[SubjectRef, PathStep | None]]:
    if rule.reaches == "subject":
        return [(source.subject, None)]
    found: list[tuple[SubjectRef, PathStep | None]] = []
    for follow in rule.follows:
        if follow.held is not None:  # source subject —role→ organisation
            found += [
                (h.subject, PathStep(source.subject.sid, h.role, h.start, h.end))
                for h in held
                if h.role == follow.held
            ]
            continue
        if follow.edge is not None:
            found += [
                (person, PathStep(source.subject.sid, follow.edge, None, None))
                for person in responsibles
            ]
            continue
        if follow.only_if_none and any(h.role in follow.only_if_none for h in holders):
            continue
        found += [
            (h.subject, PathStep(source.subject.sid, h.role, h.start, h.end))
            for h in holders
            if h.role == follow.role
        ]
    return found


def build_plan(
    pairs: Iterable[tuple[Rule, Source]],
    holders: Mapping[str, Sequence[Holder]],
    responsibles: Mapping[str, Sequence[SubjectRef]],
    rules: RuleSet = RULES,
    employers: Mapping[str, Sequence[Employer]] | None = None,
    held: Mapping[str, Sequence[Holder]] | None = None,
    participants: Sequence[Participant] = (),
) -> Plan:
    """The flags, person records, derived entries and notices implied by each (rule, source).

    `holders[source_id]` are the role holders on the source's decision date (already filtered
    by date); `held[source_id]` the organisations the source's subject held a role in that day
    (`subject` is the organisation); `responsibles[source_id]` the persons a list entry names as
    debt-responsible; `participants` the authorities taking part in lists (P20).
    """
    plan = Plan()
    for rule, source in pairs:
        jobs: list[Employer | None] = [None]
        if rule.trigger.employment is not None:
            jobs = [e for e in (employers or {}).get(source.id, ()) if employs(rule, e)]
            if not jobs:
                continue  # the person held no such job on the decision date
        reached = _reached(
            rule,
            source,
            holders.get(source.id, ()),
            responsibles.get(source.id, ()),
            (held or {}).get(source.id, ()),
        )
        for recipient in rule.effect.notify:
            declared = rules.recipients[recipient]
            if declared.participants:
                for a in participants:
                    if source.type in a.list_types:
                        nid = notice_id(source.id, rule.id, recipient, a.authority_id)
                        plan.notices[nid] = PlannedNotice(
                            nid, rule.id, rule.legal_basis, recipient, None, source,
                            declared.awaits_result, a.authority_id,
                        )  # fmt: skip
                continue
            targets: list[SubjectRef | None] = [None]
            if declared.employer:
                targets = [j.subject for j in jobs if j is not None]
            elif declared.subject:
                targets = [source.subject]
            elif declared.reached:
                targets = list({t.sid: t for t, _ in reached}.values())
            for who in targets:
                nid = notice_id(source.id, rule.id, recipient, who.sid if who else None)
                plan.notices[nid] = PlannedNotice(
                    nid, rule.id, rule.legal_basis, recipient, who, source, declared.awaits_result
                )
        starts = source.props.get(rule.validity.starts)
        ends = source.props.get(rule.validity.ends) if rule.validity.ends else None
        begins = dict.fromkeys(rule.effect.flags, starts)
        later = rule.effect.after_deadline
        if later is not None:
            days = rules.deadlines[later.deadline].effective_days
            # The deadline's last day is `days` after the start; the flag begins the day after.
            due = starts + timedelta(days=days + 1) if isinstance(starts, date) else None
            begins.update(dict.fromkeys(later.flags, due))
        for target, path in reached:
            for flag_type, begin in begins.items():
                if begin is None and later is not None and flag_type in later.flags:
                    continue  # no start date, so no deadline can pass
                fid = flag_id(source.id, target.sid, flag_type)
                flag = plan.flags.get(fid)
                if flag is None:
                    flag = plan.flags[fid] = PlannedFlag(
                        flag_id=fid,
                        flag_type=flag_type,
                        rule_id=rule.id,
                        legal_basis=rule.legal_basis,
                        public=rules.flag_types[flag_type].public,
                        target=target,
                        source=source,
                        valid_from=begin,
                        valid_until=ends,
                    )
                if path is not None:
                    flag.paths[path.key] = path
                if rule.effect.record and target.kind == PERSON_KIND:
                    rid = record_id(fid)
                    plan.records[rid] = PlannedRecord(rid, rule.effect.record, flag)
        if rule.effect.derive_entry and rule.reaches == "subject":
            eid = derived_entry_id(source.id, rule.id)
            plan.entries[eid] = PlannedEntry(
                eid, rule.effect.derive_entry, rule.id, rule.legal_basis, source, source.subject
            )
        elif rule.effect.derive_entry:
            for target, path in reached:
                eid = derived_entry_id(source.id, rule.id, target.sid)
                plan.entries.setdefault(
                    eid,
                    PlannedEntry(
                        eid, rule.effect.derive_entry, rule.id, rule.legal_basis, source, target,
                        path,
                    ),
                )  # fmt: skip
    return plan
