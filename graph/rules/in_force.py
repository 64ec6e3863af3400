"""When a list entry counts: one definition for propagation, readers, counts and filters.

An entry is *in force* while its status is one of `in_force_statuses` (graph/rules/lifecycle.yaml:
ACTIVE, OBJECTION_PENDING) and its period has not ended. An objection only marks the entry
(异议标注, 002 HLJ Art.39); the entry leaves the list when the objection is upheld, and only then
do the departments stop punishing (002 HLJ Art.35; DOMAIN.md §3.5 `ACTIVE → [OBJECTION_PENDING] →
REMOVED`, §6.2). So an entry under objection propagates (the rules' `statuses`), counts among
the active entries of the statistics and is selected by a filter on ACTIVE, while it still reads
OBJECTION_PENDING. An in-force entry past its `validUntil` reads EXPIRED everywhere, even before
`creditgraph expire` has run.

The Cypher readers take the statuses as `$inForce` from `IN_FORCE` and share one predicate:
`e.status IN $inForce AND (e.validUntil IS NULL OR e.validUntil >= $today)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from graph.rules import LIFECYCLE

IN_FORCE: tuple[str, ...] = LIFECYCLE.in_force_statuses
ACTIVE = "ACTIVE"
EXPIRED = "EXPIRED"


def effective_status(status: str, valid_until: date | None, today: date) -> str:
    """The status a reader shows on `today`: an in-force entry past its period is EXPIRED."""
    if status in IN_FORCE and valid_until is not None and valid_until < today:
        return EXPIRED
    return status


def in_force(status: str, valid_until: date | None, today: date) -> bool:
    """Does the entry count on `today` (not removed, period not over)?"""
    return effective_status(status, valid_until, today) in IN_FORCE


def status_filter(statuses: Iterable[str] | None) -> list[str] | None:
    """The effective statuses a filter selects: ACTIVE stands for every in-force status, so
    `status: [ACTIVE]` returns exactly the entries the statistics count as active."""
    if statuses is None:
        return None
    wanted = list(dict.fromkeys(statuses))
    if ACTIVE in wanted:
        wanted += [s for s in IN_FORCE if s not in wanted]
    return wanted
