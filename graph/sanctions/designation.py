"""Designation: write list entries from written decisions and propagate them, in one transaction.

`designate` checks everything the decisions refer to, creates the entries, runs the propagation
engine on them (P1, P2, P8, P10 …), asks for the linked-risk indicators to follow (graph/risk/
refresh.py: analytics, kept apart from sanctions, refreshed after the commit) and writes the
audit event, all in one unit of work: a failure anywhere
leaves nothing behind. `preview` plans the same propagation for decisions not
yet made, without writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from graph import audit
from graph.alerts import events as alert_events
from graph.audit import Principal
from graph.cypher import statement
from graph.errors import BadUserInput, Conflict, NotFound
from graph.executor import Executor, Tx
from graph.propagation import engine
from graph.propagation.engine import Outcome
from graph.propagation.plan import PERSON_KIND, Plan, Source, SubjectRef
from graph.risk.refresh import request_refresh
from graph.sanctions.inputs import DesignationIn

GET_DESIGNATION_REFS = statement("sanctions/get_designation_refs")
CREATE_LIST_ENTRIES = statement("sanctions/create_list_entries")
GET_SUBJECTS = statement("sanctions/get_subjects")

OPERATION = "designateListEntry"


@dataclass(frozen=True)
class Designation:
    entry_ids: list[str]
    outcome: Outcome


def _sids(items: Sequence[DesignationIn]) -> list[str]:
    return sorted({d.subjectId for d in items} | {p for d in items for p in d.debtResponsibleIds})


async def _check(tx: Tx, items: Sequence[DesignationIn], on: date) -> dict[str, SubjectRef]:
    """Raise NOT_FOUND / CONFLICT / BAD_USER_INPUT before anything is written."""
    for d in items:
        if d.decisionDate > on:
            raise BadUserInput(
                f"decisionDate {d.decisionDate.isoformat()} is after {on.isoformat()}: "
                "a decision is recorded once it is made",
                field="decisionDate",
            )
    ids = [d.entry_id for d in items]
    if len(set(ids)) != len(ids):
        raise Conflict("two decisions in one request designate the same entry id")
    sids = _sids(items)
    refs = await tx.one(
        GET_DESIGNATION_REFS,
        sids=sids,
        authorityIds=sorted({d.authorityId for d in items}),
        entryIds=ids,
    )
    assert refs is not None
    subjects = {row["sid"]: engine.subject_ref(row) for row in refs["subjects"]}
    authorities = set(refs["authorities"])
    if refs["existing"]:
        raise Conflict(
            f"list entry {refs['existing'][0]} already exists", entryId=refs["existing"][0]
        )
    for d in items:
        if d.subjectId not in subjects:
            raise NotFound(f"no subject {d.subjectId}", field="subjectId")
        if d.authorityId not in authorities:
            raise NotFound(f"no authority {d.authorityId}", field="authorityId")
        for pid in d.debtResponsibleIds:
            if pid not in subjects or subjects[pid].kind != PERSON_KIND:
                raise NotFound(f"no person {pid}", field="debtResponsibleIds")
    return subjects


async def designate_in(
    tx: Tx,
    principal: Principal,
    items: Sequence[DesignationIn],
    *,
    on: date,
    linked_risk: bool = True,
) -> Designation:
    """The designation unit of work, for callers that already hold a transaction.

    `linked_risk=False` asks for no linked-risk refresh (the benchmark measures the sanction
    engine alone and the refresh separately); every service path keeps the default.
    """
    await _check(tx, items, on)
    rows = await tx.run(
        CREATE_LIST_ENTRIES,
        entries=[d.row() for d in items],
        at=datetime.now(UTC),
        actor=principal.id,
    )
    entry_ids = [r["entryId"] for r in rows]
    await alert_events.entries(tx, entry_ids, "ADDED")
    outcome = await engine.propagate_entries(tx, entry_ids, on=on)
    if linked_risk:  # indicators (analytics, graph/risk/) follow; the worker refreshes them
        await request_refresh(tx, [d.subjectId for d in items])
    await audit.record_event(
        tx,
        principal,
        OPERATION,
        [d.model_dump() for d in items],
        [*entry_ids, *outcome.affected(), *(d.subjectId for d in items)],
    )
    return Designation(entry_ids=entry_ids, outcome=outcome)


async def designate(
    executor: Executor, principal: Principal, items: Sequence[DesignationIn], *, on: date
) -> Designation:
    """Create the entries, propagate them and audit it, as one transaction."""

    async def work(tx: Tx) -> Designation:
        return await designate_in(tx, principal, items, on=on)

    return await executor.unit(work, name=OPERATION)


async def preview(executor: Executor, items: Sequence[DesignationIn]) -> Plan:
    """What designating `items` would write (flags, person records, derived entries)."""

    async def work(tx: Tx) -> Plan:
        sids = _sids(items)
        found = {r["sid"]: engine.subject_ref(r) for r in await tx.run(GET_SUBJECTS, sids=sids)}
        sources = []
        for d in items:
            if d.subjectId not in found:
                raise NotFound(f"no subject {d.subjectId}", field="subjectId")
            people = []
            for pid in d.debtResponsibleIds:
                if pid not in found or found[pid].kind != PERSON_KIND:
                    raise NotFound(f"no person {pid}", field="debtResponsibleIds")
                people.append(found[pid])
            row = d.row()
            sources.append(
                Source(
                    kind=engine.LIST_ENTRY,
                    id=d.entry_id,
                    type=d.listType,
                    status="ACTIVE",
                    props={k: v for k, v in row.items() if k != "responsibles"},
                    subject=found[d.subjectId],
                    responsibles=tuple(people),
                    virtual=True,
                )
            )
        return await engine.preview(tx, sources)

    return await executor.unit(work, write=False, name="previewPropagation")
