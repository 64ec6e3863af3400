"""Removing list entries and everything derived from them (P11–P14), in the caller's transaction.

Whatever the reason (upheld objection, repair, expiry, revoked basis), removal does the same
the same things: the entry and the entries derived from it (P2) become REMOVED with the reason
and stop being published; every flag derived from them ends (kept as history); the person
records those flags carry stop being published with the status lifecycle.yaml gives for the
reason; notifications still waiting for a handling result are withdrawn (P4, P5); and every
measure applied because of them is terminated, returning the departments to tell. A
linked-risk refresh around the subjects concerned is requested (analytics, graph/risk/refresh.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from graph.alerts import events as alert_events
from graph.cypher import statement
from graph.executor import Tx
from graph.propagation.engine import END_FLAGS, GET_ENTRY_FLAGS, GET_ENTRY_NOTICES, WITHDRAW_NOTICES
from graph.risk.refresh import request_refresh
from graph.rules import LIFECYCLE

REMOVE_ENTRIES = statement("sanctions/remove_entries")
TERMINATE_APPLICATIONS = statement("measures/terminate_applications")


@dataclass
class Removal:
    entries: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    applications: list[str] = field(default_factory=list)
    authorities: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def affected(self) -> list[str]:
        return [*self.entries, *self.flags, *self.applications, *self.notices]


async def remove_entries(
    tx: Tx,
    entry_ids: Sequence[str],
    reason: str,
    on: date,
    note: str | None = None,
    *,
    linked_risk: bool = True,
) -> Removal:
    """Remove the entries still in force among `entry_ids` and end what derives from them."""
    effect = LIFECYCLE.removal[reason]
    removal = Removal()
    rows = await tx.run(
        REMOVE_ENTRIES,
        ids=list(entry_ids),
        inForce=list(LIFECYCLE.in_force_statuses),
        reason=reason,
        on=on,
        stopPublication=effect.stop_publication,
        note=note,
    )
    removal.entries = [r["entryId"] for r in rows]
    removal.subjects = sorted({r["sid"] for r in rows})
    if not removal.entries:
        return removal
    flags = await tx.run(GET_ENTRY_FLAGS, ids=removal.entries)
    if flags:
        ended = await tx.run(
            END_FLAGS,
            flags=[
                {"flagId": f["flagId"], "reason": reason, "recordStatus": effect.record_status}
                for f in flags
            ],
            on=on,
        )
        removal.flags = [r["flagId"] for r in ended]
    waiting = await tx.run(GET_ENTRY_NOTICES, ids=removal.entries)
    if waiting:
        withdrawn = await tx.run(
            WITHDRAW_NOTICES, ids=[r["noticeId"] for r in waiting], reason=reason, on=on
        )
        removal.notices = [r["noticeId"] for r in withdrawn]
    terminated = await tx.run(TERMINATE_APPLICATIONS, ids=removal.entries, reason=reason, on=on)
    removal.applications = [r["applicationId"] for r in terminated]
    removal.authorities = sorted({r["authorityId"] for r in terminated})
    await alert_events.entries(tx, removal.entries, "REMOVED")
    await alert_events.flags(tx, removal.flags, "REMOVED")
    if linked_risk:
        await request_refresh(tx, removal.subjects)
    return removal
