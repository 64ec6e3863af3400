"""The life of a list entry after designation: objection, repair, revoked basis, expiry.

Each operation is one transaction with its audit event. The three ways out of a list that a
person or officer starts (upheld objection P12, approved repair P11, revoked basis P13) and the
one the calendar starts (expiry P14) all end in `removal.remove_entries`, so they end the same
things: the entry, the entries derived from it, their flags, person records and measures.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, timedelta

from graph import audit
from graph.audit import Principal
from graph.calendar import is_working_day
from graph.cypher import statement
from graph.errors import Conflict, NotFound
from graph.executor import Executor, Record, Tx
from graph.rules import LIFECYCLE
from graph.sanctions.inputs import ObjectionDecisionIn, ObjectionIn, RepairIn, RevocationIn
from graph.sanctions.removal import Removal, remove_entries

log = logging.getLogger(__name__)

CREATE_OBJECTION = statement("sanctions/create_objection")
DECIDE_OBJECTION = statement("sanctions/decide_objection")
GET_OBJECTIONS = statement("sanctions/get_objections")
CREATE_REPAIR = statement("sanctions/create_repair")
SET_REPAIR_SYNCED = statement("sanctions/set_repair_synced")
GET_LIST_ENTRIES = statement("sanctions/get_list_entries")
GET_EXPIRED_ENTRIES = statement("sanctions/get_expired_entries")
COUNT_EXPIRED_ENTRIES = statement("sanctions/count_expired_entries")
GET_EXPIRED_FLAGS = statement("sanctions/get_expired_flags")
END_FLAGS = statement("propagation/end_flags")

EXPIRED = "EXPIRED"


@dataclass(frozen=True)
class Calendar:
    """Public holidays and make-up working days ([Not in seeds]; settings)."""

    holidays: Collection[date] = ()
    makeup: Collection[date] = ()

    def add_working_days(self, start: date, days: int) -> date:
        """The `days`-th working day after `start` (`start` itself if `days` is 0)."""
        day = start
        while days > 0:
            day += timedelta(days=1)
            if is_working_day(day, self.holidays, self.makeup):
                days -= 1
        return day


@dataclass(frozen=True)
class Lifted:
    """An entry's way out: what was removed and ended, and the record of why."""

    removal: Removal
    record_id: str | None = None  # the objection or repair that led to it


async def entries(executor: Executor, ids: list[str]) -> list[Record]:
    return await executor.read(GET_LIST_ENTRIES, ids=ids)


async def _entry(tx: Tx, entry_id: str) -> Record:
    row = await tx.one(GET_LIST_ENTRIES, ids=[entry_id])
    if row is None:
        raise NotFound(f"no list entry {entry_id}", field="entryId")
    return row


def _not_in_force(row: Record) -> Conflict:
    return Conflict(
        f"list entry {row['entryId']} is {row['status']}"
        + (f" ({row['removalReason']})" if row.get("removalReason") else ""),
        entryId=row["entryId"],
        status=row["status"],
    )


async def file_objection(
    executor: Executor, principal: Principal, data: ObjectionIn, *, today: date, cal: Calendar
) -> str:
    """Mark the entry (OBJECTION_PENDING) and record the objection with its deadlines."""
    policy = LIFECYCLE.objections
    filed = data.filedAt or today

    async def work(tx: Tx) -> str:
        row = await _entry(tx, data.entryId)
        if row["status"] != "ACTIVE":
            raise _not_in_force(row)
        objection_id = "OB" + uuid.uuid4().hex[:20].upper()
        await tx.run(
            CREATE_OBJECTION,
            entryId=data.entryId,
            objectionId=objection_id,
            grounds=data.grounds,
            statement=data.statement,
            filedAt=filed,
            markedAt=today,
            markDueAt=cal.add_working_days(filed, policy.mark_working_days),
            dueAt=cal.add_working_days(filed, policy.decide_working_days),
        )
        await audit.record_event(
            tx, principal, "fileObjection", data.model_dump(), [objection_id, data.entryId]
        )
        return objection_id

    return await executor.unit(work, name="fileObjection")


async def decide_objection(
    executor: Executor, principal: Principal, data: ObjectionDecisionIn, *, today: date
) -> Lifted:
    """Upheld: the entry is removed and everything derived ends (P12). Rejected: the mark is
    lifted and the entry counts as before."""
    decided = data.decidedAt or today

    async def work(tx: Tx) -> Lifted:
        found = await tx.one(GET_OBJECTIONS, ids=[data.objectionId])
        if found is None:
            raise NotFound(f"no objection {data.objectionId}", field="objectionId")
        if found["status"] != "PENDING":
            raise Conflict(f"objection {data.objectionId} is already decided")
        await tx.run(
            DECIDE_OBJECTION,
            objectionId=data.objectionId,
            decision=data.decision,
            reasons=data.reasons,
            decidedAt=decided,
        )
        removal = Removal()
        if data.decision == "UPHELD":
            removal = await remove_entries(
                tx, [found["entryId"]], "OBJECTION_UPHELD", decided, data.reasons
            )
        await audit.record_event(
            tx,
            principal,
            "decideObjection",
            data.model_dump(),
            [data.objectionId, found["entryId"], *removal.affected()],
        )
        return Lifted(removal, data.objectionId)

    return await executor.unit(work, name="decideObjection")


async def approve_repair(
    executor: Executor, principal: Principal, data: RepairIn, *, today: date
) -> Lifted:
    """Record the approved repair, stop publication, remove the entry, end its flags and
    terminate its measures (P11); the departments that applied measures are noted as told."""
    completed = data.completedAt or today

    async def work(tx: Tx) -> Lifted:
        row = await _entry(tx, data.entryId)
        if row["status"] not in LIFECYCLE.in_force_statuses:
            raise _not_in_force(row)
        repair_id = "RP" + uuid.uuid4().hex[:20].upper()
        await tx.run(
            CREATE_REPAIR,
            entryId=data.entryId,
            repairId=repair_id,
            methods=list(data.methods),
            filedAt=data.filedAt or completed,
            completedAt=completed,
            note=data.note,
            inForce=list(LIFECYCLE.in_force_statuses),
        )
        removal = await remove_entries(tx, [data.entryId], "REPAIRED", completed, data.note)
        await tx.run(SET_REPAIR_SYNCED, repairId=repair_id, authorityIds=removal.authorities)
        await audit.record_event(
            tx,
            principal,
            "approveRepair",
            data.model_dump(),
            [repair_id, *removal.affected()],
        )
        return Lifted(removal, repair_id)

    return await executor.unit(work, name="approveRepair")


async def revoke_basis(
    executor: Executor, principal: Principal, data: RevocationIn, *, today: date
) -> Lifted:
    """The document the listing rests on was revoked, found void or changed (P13)."""
    revoked = data.revokedAt or today

    async def work(tx: Tx) -> Lifted:
        row = await _entry(tx, data.entryId)
        if row["status"] not in LIFECYCLE.in_force_statuses:
            raise _not_in_force(row)
        removal = await remove_entries(tx, [data.entryId], "BASIS_REVOKED", revoked, data.reason)
        await audit.record_event(
            tx, principal, "revokeBasis", data.model_dump(), removal.affected()
        )
        return Lifted(removal)

    return await executor.unit(work, name="revokeBasis")


@dataclass
class Expiry:
    entries: int = 0
    flags: int = 0
    applications: int = 0


async def expire(
    executor: Executor,
    principal: Principal,
    *,
    as_of: date,
    batch: int = 1000,
    progress: Callable[[int, int], None] | None = None,
    linked_risk: bool = True,
) -> Expiry:
    """End every entry whose period ended before `as_of`, and every flag past its own validity
    (P14), in batches of one transaction each; `progress(done, total)` after each batch.

    Read paths already treat such entries and flags as not counting (validUntil < asOf), so
    this job only makes the stored state agree with what every reader sees.
    """
    in_force = list(LIFECYCLE.in_force_statuses)
    counted = await executor.read_one(COUNT_EXPIRED_ENTRIES, asOf=as_of, inForce=in_force)
    total = int(counted["count"]) if counted else 0
    result = Expiry()
    while True:
        rows = await executor.read(GET_EXPIRED_ENTRIES, asOf=as_of, inForce=in_force, limit=batch)
        if not rows:
            break
        ids = [r["entryId"] for r in rows]

        async def work(tx: Tx, ids: list[str] = ids) -> Removal:
            removal = await remove_entries(tx, ids, EXPIRED, as_of, linked_risk=linked_risk)
            await audit.record_event(
                tx, principal, "expire", {"asOf": as_of, "entryIds": ids}, removal.affected()
            )
            return removal

        removal = await executor.unit(work, name="expire")
        result.entries += len(removal.entries)
        result.flags += len(removal.flags)
        result.applications += len(removal.applications)
        if progress is not None:
            progress(min(result.entries, total), total)
        if not removal.entries:  # pragma: no cover - only if another writer raced us
            break
    while True:
        flags = await executor.read(GET_EXPIRED_FLAGS, asOf=as_of, limit=batch)
        if not flags:
            break
        rows = [{"flagId": f["flagId"], "reason": EXPIRED, "recordStatus": EXPIRED} for f in flags]

        async def end(tx: Tx, rows: list[dict[str, str]] = rows) -> int:
            ended = await tx.run(END_FLAGS, flags=rows, on=as_of)
            ids = [r["flagId"] for r in ended]
            await audit.record_event(tx, principal, "expire", {"asOf": as_of, "flags": ids}, ids)
            return len(ids)

        result.flags += await executor.unit(end, name="expire-flags")
    log.info("expired %d entries and %d flags as of %s", result.entries, result.flags, as_of)
    return result
