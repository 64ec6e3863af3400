"""The generic propagation engine: every rule in graph/rules/propagation.yaml runs through here.

One pass, inside the caller's transaction:

1. read the sources (list entries or credit records) with their subject;
2. pick the rules each source starts (`plan.qualifies`);
3. read, in one statement each, the role holders on every source's decision date and the
   debt-responsible persons the entries name;
4. plan (pure: `plan.build_plan`) and write: derived entries (P2) first, then flags, their
   path evidence and the persons' own credit records;
5. end the flags of these sources that the rules no longer imply (so re-running after a change
   converges, and re-running without one changes nothing).

Derived entries are sources themselves: they are propagated in a second round of the same pass.
`preview` runs steps 1–4 on virtual sources without writing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.alerts import events as alert_events
from graph.cypher import statement
from graph.executor import Record, Tx
from graph.propagation.plan import (
    Employer,
    Holder,
    Participant,
    Plan,
    Source,
    SubjectRef,
    applicable,
    build_plan,
)
from graph.rules import LIFECYCLE, RULES, RuleSet

GET_ENTRY_SOURCES = statement("propagation/get_entry_sources")
GET_RECORD_SOURCES = statement("propagation/get_record_sources")
GET_ROLE_HOLDERS = statement("propagation/get_role_holders")
GET_HELD_ROLES = statement("propagation/get_held_roles")
GET_PARTICIPANTS = statement("propagation/get_participants")
GET_ENTRY_RESPONSIBLES = statement("propagation/get_entry_responsibles")
MERGE_DERIVED_ENTRIES = statement("propagation/merge_derived_entries")
MERGE_ENTRY_FLAGS = statement("propagation/merge_entry_flags")
MERGE_RECORD_FLAGS = statement("propagation/merge_record_flags")
MERGE_FLAG_PATHS = statement("propagation/merge_flag_paths")
PRUNE_FLAG_PATHS = statement("propagation/prune_flag_paths")
MERGE_PERSON_RECORDS = statement("propagation/merge_person_records")
GET_ENTRY_FLAGS = statement("propagation/get_entry_flags")
GET_RECORD_FLAGS = statement("propagation/get_record_flags")
END_FLAGS = statement("propagation/end_flags")
GET_EMPLOYERS = statement("propagation/get_employers")
MERGE_NOTICES = statement("propagation/merge_notices")
GET_ENTRY_NOTICES = statement("propagation/get_entry_notices")
GET_RECORD_NOTICES = statement("propagation/get_record_notices")
WITHDRAW_NOTICES = statement("propagation/withdraw_notices")

LIST_ENTRY = "list_entry"
RECORD = "record"
SOURCE_KINDS = {LIST_ENTRY: "LIST_ENTRY", RECORD: "RECORD"}
MAX_ROUNDS = 3  # a derived entry may start rules; derivations never chain further than that
NO_LONGER_DERIVED = "NO_LONGER_DERIVED"


@dataclass
class Outcome:
    """What a propagation pass wrote: ids of flags, records and entries, new and existing."""

    flags: list[str] = field(default_factory=list)
    created_flags: list[str] = field(default_factory=list)
    ended_flags: list[str] = field(default_factory=list)
    records: list[str] = field(default_factory=list)
    entries: list[str] = field(default_factory=list)
    created_entries: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    created_notices: list[str] = field(default_factory=list)
    withdrawn_notices: list[str] = field(default_factory=list)

    def affected(self) -> list[str]:
        return [*self.flags, *self.ended_flags, *self.records, *self.entries, *self.notices]


def subject_ref(row: Record) -> SubjectRef:
    return SubjectRef(
        sid=row["sid"],
        kind=row.get("kind"),
        name=row.get("name"),
        is_soe=row.get("isSOE"),
        industry=row.get("industry"),
    )


def source_from_row(kind: str, row: Record) -> Source:
    return Source(
        kind=kind,
        id=row["id"],
        type=row["type"],
        status=row["status"],
        props=row["props"],
        subject=subject_ref(row["subject"]),
    )


async def load_sources(tx: Tx, kind: str, ids: Sequence[str]) -> list[Source]:
    if not ids:
        return []
    stmt = GET_ENTRY_SOURCES if kind == LIST_ENTRY else GET_RECORD_SOURCES
    rows = await tx.run(stmt, ids=list(ids))
    return [source_from_row(kind, row) for row in rows]


async def plan(tx: Tx, sources: Sequence[Source], rules: RuleSet = RULES) -> Plan:
    """Read what the rules need (role holders, responsible persons) and plan; writes nothing."""
    pairs = applicable(rules, sources)
    roles = sorted({role for rule, _ in pairs for role in rule.roles})
    holders: dict[str, list[Holder]] = defaultdict(list)
    reach = [s for rule, s in pairs if rule.roles and s.decision_date is not None]
    if roles and reach:
        wanted = {s.id: {"id": s.id, "sid": s.subject.sid, "date": s.decision_date} for s in reach}
        for row in await tx.run(GET_ROLE_HOLDERS, sources=list(wanted.values()), roles=roles):
            holders[row["sourceId"]].append(
                Holder(row["sourceId"], subject_ref(row), row["role"], row["from"], row["to"])
            )
    responsibles: dict[str, list[SubjectRef]] = defaultdict(list)
    need = {s.id: s for rule, s in pairs if rule.edges}
    for s in need.values():
        if s.responsibles is not None:
            responsibles[s.id] = list(s.responsibles)
    unknown = [sid for sid, s in need.items() if s.responsibles is None and not s.virtual]
    if unknown:
        for row in await tx.run(GET_ENTRY_RESPONSIBLES, ids=unknown):
            responsibles[row["sourceId"]].append(subject_ref(row))
    held: dict[str, list[Holder]] = defaultdict(list)
    held_roles = sorted({role for rule, _ in pairs for role in rule.held_roles})
    members = {
        s.id: {"id": s.id, "sid": s.subject.sid, "date": s.decision_date}
        for rule, s in pairs
        if rule.held_roles and s.decision_date is not None
    }
    if members:
        for row in await tx.run(GET_HELD_ROLES, sources=list(members.values()), roles=held_roles):
            held[row["sourceId"]].append(
                Holder(row["sourceId"], subject_ref(row), row["role"], row["from"], row["to"])
            )
    participants: list[Participant] = []
    if any(rules.recipients[n].participants for rule, _ in pairs for n in rule.effect.notify):
        participants = [
            Participant(row["authorityId"], tuple(row["listTypes"]))
            for row in await tx.run(GET_PARTICIPANTS)
        ]
    employers: dict[str, list[Employer]] = defaultdict(list)
    jobs = {
        s.id: {"id": s.id, "sid": s.subject.sid, "date": s.decision_date}
        for rule, s in pairs
        if rule.trigger.employment is not None and s.decision_date is not None
    }
    if jobs:
        for row in await tx.run(GET_EMPLOYERS, sources=list(jobs.values())):
            employers[row["sourceId"]].append(
                Employer(row["sourceId"], subject_ref(row), row.get("position"))
            )
    return build_plan(pairs, holders, responsibles, rules, employers, held, participants)


async def preview(tx: Tx, sources: Sequence[Source], rules: RuleSet = RULES) -> Plan:
    """The plan for `sources` and for the entries they would derive, without writing."""
    total = Plan()
    pending = list(sources)
    for _ in range(MAX_ROUNDS):
        if not pending:
            break
        step = await plan(tx, pending, rules)
        total.merge(step)
        pending = [e.virtual_source() for e in step.entries.values()]
    return total


async def write(tx: Tx, p: Plan, on: date, outcome: Outcome) -> None:
    """Write a plan's flags, their paths and the person records (entries are written first by
    `propagate`, since flags of derived entries need them)."""
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for flag in p.flags.values():
        by_kind[flag.source.kind].append(flag.row())
    for kind, rows in by_kind.items():
        stmt = MERGE_ENTRY_FLAGS if kind == LIST_ENTRY else MERGE_RECORD_FLAGS
        for row in await tx.run(stmt, flags=rows, on=on):
            outcome.flags.append(row["flagId"])
            if row["created"]:
                outcome.created_flags.append(row["flagId"])
    if p.flags:
        paths = [row for flag in p.flags.values() for row in flag.path_rows()]
        if paths:
            await tx.run(MERGE_FLAG_PATHS, paths=paths)
        keep = [{"flagId": f.flag_id, "keys": sorted(f.paths)} for f in p.flags.values()]
        await tx.run(PRUNE_FLAG_PATHS, flags=keep)
    if p.records:
        rows = [r.row(on) for r in p.records.values()]
        for row in await tx.run(MERGE_PERSON_RECORDS, records=rows):
            outcome.records.append(row["recordId"])
    if p.notices:
        rows = [
            n.row(on, RULES.deadlines[RULES.recipients[n.recipient].deadline].effective_days)
            for n in p.notices.values()
        ]
        for row in await tx.run(MERGE_NOTICES, notices=rows):
            outcome.notices.append(row["noticeId"])
            if row["created"]:
                outcome.created_notices.append(row["noticeId"])


async def end_stale(tx: Tx, sources: Sequence[Source], p: Plan, on: date, outcome: Outcome) -> None:
    """End the flags in force on `sources`, and withdraw the notifications waiting for a result,
    that the plan no longer contains."""
    for kind, notices in ((LIST_ENTRY, GET_ENTRY_NOTICES), (RECORD, GET_RECORD_NOTICES)):
        ids = [s.id for s in sources if s.kind == kind]
        if not ids:
            continue
        rows = await tx.run(notices, ids=ids)
        stale_notices = [r["noticeId"] for r in rows if r["noticeId"] not in p.notices]
        if stale_notices:
            for row in await tx.run(
                WITHDRAW_NOTICES, ids=stale_notices, reason=NO_LONGER_DERIVED, on=on
            ):
                outcome.withdrawn_notices.append(row["noticeId"])
    for kind, stmt in ((LIST_ENTRY, GET_ENTRY_FLAGS), (RECORD, GET_RECORD_FLAGS)):
        ids = [s.id for s in sources if s.kind == kind]
        if not ids:
            continue
        by_id = {s.id: s for s in sources}
        stale = []
        for row in await tx.run(stmt, ids=ids):
            if row["flagId"] in p.flags:
                continue
            source = by_id[row["sourceId"]]
            reason = (
                source.props.get("removalReason")
                or (source.kind == RECORD and LIFECYCLE.record_end_reasons.get(source.status or ""))
                or NO_LONGER_DERIVED
            )
            effect = LIFECYCLE.removal.get(reason)
            stale.append(
                {
                    "flagId": row["flagId"],
                    "reason": reason,
                    "recordStatus": effect.record_status if effect else "REVOKED",
                }
            )
        if stale:
            for row in await tx.run(END_FLAGS, flags=stale, on=on):
                outcome.ended_flags.append(row["flagId"])


async def propagate(
    tx: Tx,
    kind: str,
    ids: Iterable[str],
    *,
    on: date,
    rules: RuleSet = RULES,
    outcome: Outcome | None = None,
) -> Outcome:
    """Run every rule on the given sources (and on the entries they derive) and write the result.

    Call it inside the unit of work that created or changed the sources, so the change and its
    consequences commit together. Idempotent: a second call with nothing changed writes the same
    values and creates nothing.
    """
    outcome = outcome or Outcome()
    marks = len(outcome.created_flags), len(outcome.ended_flags), len(outcome.created_entries)
    pending = await load_sources(tx, kind, list(dict.fromkeys(ids)))
    for _ in range(MAX_ROUNDS):
        if not pending:
            break
        step = await plan(tx, pending, rules)
        derived: list[str] = []
        if step.entries:
            rows = [e.row() for e in step.entries.values()]
            for row in await tx.run(MERGE_DERIVED_ENTRIES, entries=rows):
                derived.append(row["entryId"])
                if row["created"]:
                    outcome.created_entries.append(row["entryId"])
            outcome.entries += derived
        await write(tx, step, on, outcome)
        await end_stale(tx, pending, step, on, outcome)
        pending = await load_sources(tx, LIST_ENTRY, derived)
    # What this pass changed, for the watches (graph/alerts): committed with it or not at all.
    await alert_events.flags(tx, outcome.created_flags[marks[0] :], "ADDED")
    await alert_events.flags(tx, outcome.ended_flags[marks[1] :], "REMOVED")
    await alert_events.entries(tx, outcome.created_entries[marks[2] :], "ADDED")
    return outcome


async def propagate_entries(tx: Tx, entry_ids: Iterable[str], *, on: date) -> Outcome:
    """Propagate list entries (designation, imported court lists)."""
    return await propagate(tx, LIST_ENTRY, entry_ids, on=on)


async def propagate_records(tx: Tx, record_ids: Iterable[str], *, on: date) -> Outcome:
    """Propagate credit records (P3, P7): call after a record is written or changes status."""
    return await propagate(tx, RECORD, record_ids, on=on)
