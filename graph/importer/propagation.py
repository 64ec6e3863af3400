"""Sanctions follow imported rows: the propagation engine runs inside each import batch.

A batch of list entries or credit records that some rule starts from (a court's dishonest
judgment debtor list, a serious list, SOE arrears, violated commitments) is propagated in the
transaction that writes it, through the engine designations use (graph/propagation/): derived
serious-list entries (P2), flags, person records, the removal of derived entries whose source no
longer counts, a linked-risk refresh request for the listed subjects and one audit event. Either all
of it commits with the batch, or none of it does.

Re-importing the same rows changes nothing: the engine finds the same deterministic ids, and a
batch that created, ended and removed nothing writes no audit event and refreshes nothing.

Order independence. A rule reaches whoever held a role on the source's decision date, so a role
that arrives after its organisation's entries (later in the run, or in a later run) must reach
them too. The loader notes the organisations of every role it writes that a rule follows; at the
end of the run, the sources of those organisations that were not propagated after the role was
written are propagated again, in batches of one transaction each.

The write API runs the same `consequences` for the record or role a mutation writes, in the
mutation's transaction, audited as that mutation (graph/importer/writes.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from graph import audit
from graph.alerts import events as alert_events
from graph.audit import Actor, Principal
from graph.cypher import statement
from graph.executor import Executor, Tx
from graph.importer.kinds import LIST_ENTRIES, RECORDS, ROLES, Lane, Planned
from graph.importer.summary import Propagated
from graph.model import MODEL
from graph.propagation import engine
from graph.propagation.engine import LIST_ENTRY, RECORD
from graph.risk.refresh import request_refresh
from graph.rules import RULES
from graph.rules.in_force import IN_FORCE
from graph.sanctions.removal import Removal, remove_entries

GET_DERIVED_ORPHANS = statement("propagation/get_derived_orphans")
GET_SUBJECT_SOURCES = statement("propagation/get_subject_sources")

OPERATION = "import"
IMPORTER = Actor("creditgraph-import", "system")
KINDS = {LIST_ENTRIES: LIST_ENTRY, RECORDS: RECORD}
SERIOUS = frozenset(MODEL.serious_list_types)
LOOKUP_CHUNK = 10_000
# Rows per transaction for the lanes that propagate: with derived entries, flags and person
# records, 100 rows stay well within the default 30 s query timeout.
BATCH = 100


def _types(kind: str, *, roles_only: bool = False) -> tuple[str, ...]:
    """Source types of `kind` that start a rule (with `roles_only`: a rule following roles, or
    deriving entries, which may)."""
    rules = [
        r
        for r in RULES.by_trigger(kind)
        if not roles_only or r.roles or r.effect.derive_entry is not None
    ]
    return tuple(sorted({t for r in rules for t in r.trigger.types}))


def _statuses(kind: str) -> list[str]:
    return sorted({st for r in RULES.by_trigger(kind) for st in r.trigger.statuses})


SOURCE_TYPES = {LIST_ENTRY: _types(LIST_ENTRY), RECORD: _types(RECORD)}


def _may_start(kind: str, props: dict[str, object]) -> bool:
    """Can this new row start a rule? Its type and the rule's conditions on the row's own fields
    (P16 reads only minor records among the many penalties, so new others skip the engine). A
    row that updates an existing source is propagated whatever it says: it may end effects."""
    type_field = "listType" if kind == LIST_ENTRY else "recordType"
    kind_type = props.get(type_field)
    return any(
        kind_type in r.trigger.types
        and all(props.get(k) in allowed for k, allowed in r.trigger.where.items())
        for r in RULES.by_trigger(kind)
    )


FOLLOWED_ROLES = frozenset(role for rule in RULES.rules.values() for role in rule.roles)


@dataclass(frozen=True)
class Batch:
    """The rows of one import batch that may start a rule."""

    kind: str
    rows: tuple[int, ...]  # their positions in the lane batch
    ids: tuple[str, ...]
    starting: frozenset[int]  # those whose own fields meet a rule's conditions
    listed: tuple[str, ...]  # subjects of the serious-list rows (their linked risk may change)

    def written(self, done: frozenset[int], created: frozenset[int]) -> tuple[list[str], bool]:
        """The ids of the rows the batch really wrote, and whether one of them is new."""
        ids = [
            self.ids[n]
            for n, i in enumerate(self.rows)
            if i in done and (i in self.starting or i not in created)
        ]
        return ids, any(i in created for i in self.rows)

    def created(self, done: frozenset[int], created: frozenset[int]) -> list[str]:
        """The ids of the rows the batch created (not updated)."""
        return [self.ids[n] for n, i in enumerate(self.rows) if i in done and i in created]


@dataclass
class Propagator:
    """Runs the engine for one import run: inside each batch, then once more for late roles."""

    on: date
    principal: Principal = IMPORTER
    linked_risk: bool = True
    batch_size: int = BATCH
    counts: Propagated = field(default_factory=Propagated)
    _round: int = 0  # how many batches of this run have committed
    _roles: dict[str, int] = field(default_factory=dict)  # organisation → its last role batch
    _done: dict[str, int] = field(default_factory=dict)  # source id → batch that propagated it

    def propagates(self, lane: Lane) -> bool:
        return lane in KINDS

    def batch(self, lane: Lane, rows: Sequence[Planned]) -> Batch | None:
        """The rows of a lane batch that may start a rule, or None when none can."""
        kind = KINDS.get(lane)
        if kind is None:
            return None
        type_field = "listType" if kind == LIST_ENTRY else "recordType"
        picked = [
            i for i, p in enumerate(rows) if p.params["p"].get(type_field) in SOURCE_TYPES[kind]
        ]
        if not picked:
            return None
        listed = {
            rows[i].params["s"]
            for i in picked
            if kind == LIST_ENTRY and rows[i].params["p"].get("listType") in SERIOUS
        }
        starting = frozenset(i for i in picked if _may_start(kind, rows[i].params["p"]))
        return Batch(
            kind,
            tuple(picked),
            tuple(str(rows[i].key) for i in picked),
            starting,
            tuple(sorted(listed)),
        )

    async def in_batch(
        self, tx: Tx, batch: Batch, done: frozenset[int], created: frozenset[int]
    ) -> Propagated:
        """Propagate a batch's sources in the transaction that writes them."""
        ids, new = batch.written(done, created)
        if batch.kind == LIST_ENTRY:  # an imported court list: the watches hear of its entries
            await alert_events.entries(tx, batch.created(done, created), "ADDED")
        if not ids:
            return Propagated()
        return await propagate_sources(
            tx,
            self.principal,
            batch.kind,
            ids,
            listed=batch.listed,
            created=new,
            on=self.on,
            linked_risk=self.linked_risk,
        )

    def written(self, lane: Lane, rows: Sequence[Planned], done: Iterable[int]) -> None:
        """Note what a committed batch wrote: the roles a rule follows, the sources propagated."""
        self._round += 1
        if lane is ROLES:
            for i in done:
                if rows[i].group in FOLLOWED_ROLES:
                    self._roles[rows[i].params["o"]] = self._round
        elif lane in KINDS:
            for i in done:
                self._done[str(rows[i].key)] = self._round

    async def late_roles(self, executor: Executor) -> None:
        """Propagate again the sources of organisations whose roles were written after them."""
        roles, self._roles = self._roles, {}
        orgs = sorted(roles)
        stale: dict[str, list[str]] = {LIST_ENTRY: [], RECORD: []}
        for start in range(0, len(orgs), LOOKUP_CHUNK):
            rows = await executor.read(
                GET_SUBJECT_SOURCES,
                sids=orgs[start : start + LOOKUP_CHUNK],
                listTypes=list(_types(LIST_ENTRY, roles_only=True)),
                listStatuses=_statuses(LIST_ENTRY),
                recordTypes=list(_types(RECORD, roles_only=True)),
                recordStatuses=_statuses(RECORD),
            )
            for row in rows:
                if self._done.get(row["id"], 0) <= roles[row["sid"]]:
                    stale[row["kind"]].append(row["id"])
        for kind, ids in stale.items():
            for start in range(0, len(ids), self.batch_size):
                part = tuple(ids[start : start + self.batch_size])

                async def work(
                    tx: Tx, kind: str = kind, part: tuple[str, ...] = part
                ) -> Propagated:
                    return await propagate_sources(
                        tx,
                        self.principal,
                        kind,
                        part,
                        on=self.on,
                        linked_risk=self.linked_risk,
                    )

                result = await executor.unit(work, name="import-propagate")
                result.repropagated = len(part)
                self.counts.add(result)


@dataclass(frozen=True)
class Consequences:
    """What propagating some sources did: the counts, and the ids an audit event names."""

    counts: Propagated
    changed: list[str]


async def consequences(
    tx: Tx,
    kind: str,
    ids: Sequence[str],
    *,
    on: date,
    listed: Sequence[str] = (),
    created: bool = False,
    linked_risk: bool = True,
) -> Consequences:
    """Run the engine on sources and end what their new state no longer implies; audit nothing.

    A list entry that no longer counts (a court feed sets it REMOVED) takes the entries derived
    from it out too (`remove_entries`, with their flags, person records and measures); its own
    flags are ended by the engine. `listed` are the subjects whose linked risk may change and
    `created` says some source is new: linked risk is refreshed only when something was created,
    ended or removed. The caller writes the audit event (`propagate_sources`, or a mutation's).
    """
    outcome = await engine.propagate(tx, kind, ids, on=on)
    removal = Removal()
    if kind == LIST_ENTRY:
        orphans = await tx.run(GET_DERIVED_ORPHANS, ids=list(ids), statuses=list(IN_FORCE))
        for reason in sorted({o["reason"] for o in orphans}):
            gone = [o["entryId"] for o in orphans if o["reason"] == reason]
            part = await remove_entries(tx, gone, reason, on, linked_risk=False)
            removal.entries += part.entries
            removal.subjects += part.subjects
            removal.flags += part.flags
            removal.applications += part.applications
    counts = Propagated(
        sources=len(ids),
        flags=len(outcome.flags),
        created_flags=len(outcome.created_flags),
        ended_flags=len(outcome.ended_flags) + len(removal.flags),
        created_entries=len(outcome.created_entries),
        removed_entries=len(removal.entries),
    )
    changed = [
        *outcome.created_flags,
        *outcome.ended_flags,
        *outcome.created_entries,
        *removal.affected(),
    ]
    if linked_risk and (changed or created):
        await request_refresh(tx, [*listed, *removal.subjects])
    return Consequences(counts, changed)


async def propagate_sources(
    tx: Tx,
    principal: Principal,
    kind: str,
    ids: Sequence[str],
    *,
    on: date,
    listed: Sequence[str] = (),
    created: bool = False,
    linked_risk: bool = True,
) -> Propagated:
    """`consequences` of imported sources, audited as one `import` event when something was
    created, ended or removed (a re-import that changes nothing writes no event)."""
    done = await consequences(
        tx, kind, ids, on=on, listed=listed, created=created, linked_risk=linked_risk
    )
    if done.changed or created:
        await audit.record_event(
            tx, principal, OPERATION, {"kind": kind, "sources": list(ids), "on": on}, done.changed
        )
    return done.counts


async def role_sources(tx: Tx, sids: Sequence[str]) -> dict[str, list[str]]:
    """The sources (by kind) of the organisations `sids` that a rule following roles starts
    from: what to propagate again, in the same transaction, when a role of theirs was written."""
    found: dict[str, list[str]] = {LIST_ENTRY: [], RECORD: []}
    rows = await tx.run(
        GET_SUBJECT_SOURCES,
        sids=list(sids),
        listTypes=list(_types(LIST_ENTRY, roles_only=True)),
        listStatuses=_statuses(LIST_ENTRY),
        recordTypes=list(_types(RECORD, roles_only=True)),
        recordStatuses=_statuses(RECORD),
    )
    for row in rows:
        found[row["kind"]].append(row["id"])
    return found
