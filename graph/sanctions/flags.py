"""Reading sanction flags with their explanation (`why`): rule, legal basis and every path.

A flag's state is always judged on a day (`asOf`, default today): it is in force when it has
begun, has not passed its `validUntil` and has not ended by then. So an entry past its period
stops counting on every read path the day after `validUntil`, whether or not
`creditgraph expire` has run yet, and a question about a past day sees the flags of that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.cypher import statement
from graph.executor import Executor, Record
from graph.rules import RULES

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


def _date(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else ""


def path_text(source: str, path: Record, target: str) -> str:
    """`source —ROLE (from–to)→ target`, the way an officer reads the evidence."""
    span = f" ({_date(path.get('from'))}–{_date(path.get('to'))})" if path.get("from") else ""
    return f"{source} —{path['role']}{span}→ {target}"


def summary(row: Record) -> str:
    """One sentence: which rule, on what basis, from which source, through which paths."""
    rule = RULES.rules.get(row["ruleId"])
    title = rule.title if rule else row["ruleId"]
    source = row.get("sourceName") or row.get("sourceSid") or "?"
    target = row.get("targetName") or row["sid"]
    what = f"{row.get('sourceType') or row['sourceKind']} {row['sourceId']}"
    paths = row.get("paths") or []
    if not paths:
        via = f"{target} is the subject of {what}"
    else:
        via = "; ".join(path_text(source, p, target) for p in paths)
    return f"{row['ruleId']} ({title}; {row['legalBasis']}): {via}"


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
