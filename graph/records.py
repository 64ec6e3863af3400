"""Reading credit records and list entries, page by page under each subject.

Each query carries the caller's `Visibility` (graph/visibility.py): the public view is filtered in
the statement, so pages and totals hold only what the caller may see.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.cypher import statement
from graph.executor import Executor, Tx
from graph.pages import Page, pages_by_sid
from graph.rules.in_force import IN_FORCE, status_filter
from graph.visibility import FULL, Visibility

GET_RECORDS = statement("records/get_records")
GET_LIST_ENTRIES = statement("records/get_list_entries")


@dataclass(frozen=True)
class RecordQuery:
    types: tuple[str, ...] | None
    start: date | None
    end: date | None
    skip: int
    limit: int
    visibility: Visibility = FULL
    today: date | None = None  # decides publication for the public view (default: today)


async def records(executor: Executor, sids: Sequence[str], q: RecordQuery) -> dict[str, Page]:
    rows = await executor.read(
        GET_RECORDS,
        sids=list(sids),
        types=list(q.types) if q.types else None,
        published=q.visibility.published_statuses(),
        longTerm=list(q.visibility.long_term_record_types),
        today=q.today or date.today(),
        skip=q.skip,
        limit=q.limit,
        **{"from": q.start, "to": q.end},
    )
    return pages_by_sid(rows)


@dataclass(frozen=True)
class ListEntryQuery:
    statuses: tuple[str, ...] | None
    list_types: tuple[str, ...] | None
    today: date
    skip: int
    limit: int
    visibility: Visibility = FULL


def _list_entry_params(sids: Sequence[str], q: ListEntryQuery) -> dict[str, Any]:
    return {
        "sids": list(sids),
        "statuses": status_filter(q.statuses) if q.statuses else None,
        "listTypes": list(q.list_types) if q.list_types else None,
        "inForceOnly": q.visibility.published_only,
        "today": q.today,
        "inForce": list(IN_FORCE),
        "skip": q.skip,
        "limit": q.limit,
    }


async def list_entries(
    executor: Executor, sids: Sequence[str], q: ListEntryQuery
) -> dict[str, Page]:
    return pages_by_sid(await executor.read(GET_LIST_ENTRIES, **_list_entry_params(sids, q)))


async def list_entries_in(tx: Tx, sids: Sequence[str], q: ListEntryQuery) -> dict[str, Page]:
    """`list_entries` in a transaction already open, with a page (maybe empty) for every sid."""
    pages = pages_by_sid(await tx.run(GET_LIST_ENTRIES, **_list_entry_params(sids, q)))
    return {sid: pages.get(sid, Page()) for sid in sids}
