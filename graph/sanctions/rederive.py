"""Full re-derivation: recompute every sanction flag from the sources in the graph.

Used after a bulk import, a rule change or a repair of data by hand. It first brings the stored
state up to date with the calendar (`lifecycle.expire`) and removes automatically derived
entries whose source is gone, then propagates every source that may start a rule, plus every
source still carrying flags in force (so flags a rule no longer implies end). Each batch is one
transaction. Running it twice in a row changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from graph import audit
from graph.audit import Principal
from graph.cypher import statement
from graph.executor import Executor, Tx
from graph.propagation import engine
from graph.propagation.engine import LIST_ENTRY, RECORD, SOURCE_KINDS, Outcome
from graph.rules import LIFECYCLE, RULES
from graph.sanctions.lifecycle import expire
from graph.sanctions.removal import Removal, remove_entries

LIST_ENTRY_SOURCES = statement("propagation/list_entry_sources")
LIST_RECORD_SOURCES = statement("propagation/list_record_sources")
LIST_FLAGGED_SOURCES = statement("propagation/list_flagged_sources")
GET_ORPHANED_ENTRIES = statement("propagation/get_orphaned_entries")


@dataclass
class Rederivation:
    sources: int = 0
    flags: int = 0
    created_flags: int = 0
    ended_flags: int = 0
    created_entries: int = 0
    removed_entries: int = 0


async def _source_ids(executor: Executor, kind: str) -> list[str]:
    rules = RULES.by_trigger(kind)
    types = RULES.source_types(kind)
    statuses = sorted({st for r in rules for st in r.trigger.statuses})
    stmt = LIST_ENTRY_SOURCES if kind == LIST_ENTRY else LIST_RECORD_SOURCES
    ids = [r["id"] for r in await executor.read(stmt, types=list(types), statuses=statuses)]
    flagged = await executor.read(LIST_FLAGGED_SOURCES, sourceKind=SOURCE_KINDS[kind])
    return sorted(set(ids) | {r["id"] for r in flagged})


async def rederive_all(
    executor: Executor,
    principal: Principal,
    *,
    on: date,
    batch: int = 500,
    progress: Callable[[str, int, int], None] | None = None,
    linked_risk: bool = True,
) -> Rederivation:
    """Recompute all flags as of `on`; `progress(kind, done, total)` after every batch.

    `linked_risk=False` leaves the linked-risk indicators of removed entries' subjects alone
    (for the benchmark; `creditgraph analytics linked-risk` recomputes them all).
    """
    result = Rederivation()
    await expire(executor, principal, as_of=on, batch=batch, linked_risk=linked_risk)
    orphans = await executor.read(GET_ORPHANED_ENTRIES, statuses=list(LIFECYCLE.in_force_statuses))
    for reason in sorted({o["reason"] for o in orphans}):
        ids = [o["entryId"] for o in orphans if o["reason"] == reason]

        async def remove(tx: Tx, ids: list[str] = ids, reason: str = reason) -> Removal:
            removal = await remove_entries(tx, ids, reason, on, linked_risk=linked_risk)
            await audit.record_event(
                tx, principal, "rederive", {"remove": ids, "reason": reason}, removal.affected()
            )
            return removal

        result.removed_entries += len((await executor.unit(remove, name="rederive")).entries)
    for kind in (LIST_ENTRY, RECORD):
        ids = await _source_ids(executor, kind)
        for start in range(0, len(ids), batch):
            chunk = ids[start : start + batch]

            async def work(tx: Tx, kind: str = kind, chunk: list[str] = chunk) -> Outcome:
                outcome = await engine.propagate(tx, kind, chunk, on=on)
                if outcome.created_flags or outcome.ended_flags or outcome.created_entries:
                    changed = [*outcome.created_flags, *outcome.ended_flags]
                    await audit.record_event(
                        tx,
                        principal,
                        "rederive",
                        {"kind": kind, "sources": chunk},
                        [*changed, *outcome.created_entries],
                    )
                return outcome

            outcome = await executor.unit(work, name="rederive")
            result.sources += len(chunk)
            result.flags += len(outcome.flags)
            result.created_flags += len(outcome.created_flags)
            result.ended_flags += len(outcome.ended_flags)
            result.created_entries += len(outcome.created_entries)
            if progress is not None:
                progress(kind, min(start + batch, len(ids)), len(ids))
    return result
