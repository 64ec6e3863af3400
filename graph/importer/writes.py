"""Single-row writes for the GraphQL mutations, through the same statements as the bulk import.

A mutation validates with the same model as an import row (`graph.inputs`) and writes it as a batch
of one, so the API and the feeds cannot disagree on what a person, a role or a record is. When the
row is not written, one look-up tells why: a missing end is NOT_FOUND, a kind clash is CONFLICT.

The write's consequences and its audit event are part of its transaction, so a change never
stands without them:
* a record or list entry a sanction rule starts from (a violated commitment: P7; SOE arrears: P3)
  is propagated by the import's engine (graph/importer/propagation.py), and so is one that stopped
  qualifying (a commitment found fulfilled after all ends its flags);
* a role a rule follows (legal representative, principal, actual controller), assigned or ended,
  propagates its organisation's sources again, as the import does for roles that come late. A rule
  reaches whoever held the role on the source's decision date (ADR 0004): a back-dated role that
  covers that date is reached, a role starting after it is not;
* a linked-risk refresh is requested for the subjects the row names (graph/risk/refresh.py);
* one audit event names the principal, the operation, the digest of the input (ID numbers left
  out), the ids written and whatever the propagation created, ended or removed. If the event
  cannot be written, nothing is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from graph import audit
from graph.alerts import events as alert_events
from graph.audit import Principal
from graph.cypher import statement
from graph.errors import Conflict, NotFound
from graph.executor import Executor, Record, Tx
from graph.importer.kinds import ORGANIZATIONS, PERSONS, ROLES, Planned, plan
from graph.importer.loader import existing_keys, first_missing, write_batch
from graph.importer.propagation import (
    FOLLOWED_ROLES,
    Consequences,
    Propagator,
    consequences,
    role_sources,
)
from graph.importer.summary import Propagated
from graph.inputs import InputModel, RoleEndIn
from graph.model import MODEL
from graph.risk.refresh import request_refresh

END_ROLE = statement("role/end_role")


@dataclass(frozen=True)
class Written:
    """Whether the row was new, and what the sanction rules did in the same transaction."""

    created: bool
    propagated: Propagated = field(default_factory=Propagated)


@dataclass
class _Effects:
    """What the rules did in a write's transaction: counts, and the ids its audit event names."""

    counts: Propagated = field(default_factory=Propagated)
    changed: list[str] = field(default_factory=list)

    def add(self, done: Consequences) -> None:
        self.counts.add(done.counts)
        self.changed += done.changed


def _referred(planned: Planned) -> list[str]:
    """The subjects a row refers to: either end of a role, the subject of a record or entry."""
    return [k for ref in planned.refs if ref.space == "subject" for k in ref.keys]


def _affected(planned: Planned) -> list[str]:
    """The business ids a row names: its own key (unless it is a composite, as a role's is) and
    the subjects it refers to."""
    own = [] if isinstance(planned.key, tuple) else [str(planned.key)]
    return own + _referred(planned)


def _subjects(planned: Planned) -> list[str]:
    """The subjects whose linked risk a written row may move: an organisation or person itself,
    and the subjects it refers to."""
    own = [str(planned.key)] if planned.lane in (ORGANIZATIONS, PERSONS) else []
    return own + _referred(planned)


async def _restart(tx: Tx, organization: str, on: date) -> _Effects:
    """Propagate again the sources of an organisation whose role a rule follows was written."""
    effects = _Effects()
    for kind, ids in (await role_sources(tx, [organization])).items():
        if ids:
            effects.add(await consequences(tx, kind, ids, on=on))
    return effects


async def _propagate(tx: Tx, planned: Planned, on: date, *, created: bool) -> _Effects:
    """Run the rules the written row may start (as an import batch would), or restart its
    organisation's when it is a role a rule follows."""
    effects = _Effects()
    batch = Propagator(on).batch(planned.lane, [planned])
    if batch is not None:
        effects.add(
            await consequences(
                tx, batch.kind, batch.ids, on=on, listed=batch.listed, created=created
            )
        )
    elif planned.lane is ROLES and planned.group in FOLLOWED_ROLES:
        effects = await _restart(tx, planned.params["o"], on)
    return effects


async def write_one(
    executor: Executor,
    model: InputModel,
    *,
    by: Principal,
    operation: str,
    names: Mapping[str, str] | None = None,
    on: date | None = None,
) -> Written:
    """Create or update what one validated import-kind model describes, with its propagation and
    its audit event (`operation` by `by`), in one transaction.

    `names` maps model field names to the caller's, for the field an error blames; `on` is the
    day the rules run on (default today).
    """
    planned = plan(model)
    day = on or date.today()

    async def then(tx: Tx, done: frozenset[int], created: frozenset[int]) -> Propagated:
        if 0 not in done:
            return Propagated()  # nothing written: nothing to propagate or audit
        effects = await _propagate(tx, planned, day, created=0 in created)
        if planned.lane is ROLES and 0 in created:  # a new tie: the watches near either end
            tie = (planned.params["h"], planned.params["o"], planned.group)
            await alert_events.roles(tx, [tie], "ADDED")
        await request_refresh(tx, _subjects(planned))
        await audit.record_event(tx, by, operation, model, [*_affected(planned), *effects.changed])
        return effects.counts

    result = await write_batch(executor, planned.lane, [planned], then=then)
    if 0 in result.done:
        return Written(result.created > 0, result.propagated or Propagated())
    found = await existing_keys(executor, planned.refs)
    missing = first_missing(planned.refs, found)
    if missing is not None:
        field_name = (names or {}).get(missing.field, missing.field)
        raise NotFound(f"{missing.reason}: {', '.join(missing.keys)}", field=field_name)
    raise Conflict(planned.lane.clash)


async def end_role(
    executor: Executor,
    data: RoleEndIn,
    *,
    by: Principal,
    operation: str = "endRole",
    on: date | None = None,
) -> Record:
    """Set the last day of an existing role, propagate again what a rule following it starts
    from, and audit it, in one transaction; NOT_FOUND when there is no such role."""
    stmt = END_ROLE.specialise(MODEL.allowed, ROLE=data.role)
    day = on or date.today()

    async def work(tx: Tx) -> Record:
        row = await tx.one(
            stmt, holder=data.holderId, uscc=data.uscc, **{"from": data.from_, "to": data.to}
        )
        if row is None:
            raise NotFound(
                f"no {data.role} role of {data.holderId} in {data.uscc} from {data.from_}",
                field="from",
            )
        effects = await _restart(tx, data.uscc, day) if data.role in FOLLOWED_ROLES else _Effects()
        await alert_events.roles(tx, [(data.holderId, data.uscc, data.role)], "REMOVED")
        await request_refresh(tx, [data.holderId, data.uscc])
        affected = [data.holderId, data.uscc, *effects.changed]
        await audit.record_event(tx, by, operation, data, affected)
        return row

    return await executor.unit(work, name=operation)
