"""Reading sanction flags with their evidence (`why`): rule, legal basis and every path; the
sentences that explain them are in graph/explain/sentences.py.

A flag's state is always judged on a day (`asOf`, default today): it is in force when it has
begun, has not passed its `validUntil` and has not ended by then. So an entry past its period
stops counting on every read path the day after `validUntil`, whether or not
`creditgraph expire` has run yet, and a question about a past day sees the flags of that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from graph.cypher import statement
from graph.executor import Executor, Record

GET_SUBJECT_FLAGS = statement("sanctions/get_subject_flags")
GET_FLAGS = statement("sanctions/get_flags")

ACTIVE = "ACTIVE"
ENDED = "ENDED"
EXPIRED = "EXPIRED"


@dataclass(frozen=True)
class FlagState:
    status: str
    end_reason: str | None
    ended_on: date | None


def state_on(row: Record, as_of: date) -> FlagState:
    """The flag's state on `as_of`, from its stored validity and end."""
    ended_at: date | None = row.get("endedAt")
    valid_until: date | None = row.get("validUntil")
    if ended_at is not None and ended_at <= as_of:
        return FlagState(ENDED, row.get("endReason"), ended_at)
    if valid_until is not None and valid_until < as_of:
        return FlagState(ENDED, EXPIRED, None)
    return FlagState(ACTIVE, None, None)


async def subject_flags(
    executor: Executor, sids: Sequence[str], *, as_of: date, include_ended: bool
) -> dict[str, list[Record]]:
    """Flags on each subject (in force on `as_of`, or all begun by then with `include_ended`)."""
    rows = await executor.read(
        GET_SUBJECT_FLAGS, sids=list(sids), asOf=as_of, includeEnded=include_ended
    )
    found: dict[str, list[Record]] = {sid: [] for sid in sids}
    for row in rows:
        found[row["sid"]].append(row)
    return found


async def flags_by_id(executor: Executor, ids: Sequence[str]) -> list[Record]:
    if not ids:
        return []
    return await executor.read(GET_FLAGS, ids=list(ids))
