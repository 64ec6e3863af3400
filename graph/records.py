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
from graph.executor import Executor, Record, Tx
from graph.pages import Page, pages_by_sid
from graph.rules.in_force import IN_FORCE, status_filter
from graph.visibility import FULL, Visibility

GET_RECORDS = statement("records/get_records")
GET_LIST_ENTRIES = statement("records/get_list_entries")
SEARCH_LIST_ENTRIES = statement("records/search_list_entries")
COUNT_LIST_ENTRIES = statement("records/count_list_entries")
GET_ENTRY_SUBJECTS = statement("records/get_entry_subjects")


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
    """A page of list entries: per subject (`list_entries`) or of the global list
    (`search_list_entries`); the filters beyond status and list type are the global list's."""

    statuses: tuple[str, ...] | None
    list_types: tuple[str, ...] | None
    today: date
    skip: int
    limit: int
    visibility: Visibility = FULL
    authorities: tuple[str, ...] | None = None
    regions: tuple[str, ...] | None = None
    decided_from: date | None = None
    decided_to: date | None = None

    def filters(self) -> dict[str, Any]:
        """The statement parameters every list-entry reader shares (not the window)."""
        return {
            "statuses": status_filter(self.statuses) if self.statuses else None,
            "listTypes": list(self.list_types) if self.list_types else None,
            "authorities": list(self.authorities) if self.authorities else None,
            "regions": list(self.regions) if self.regions else None,
            "decidedFrom": self.decided_from,
            "decidedTo": self.decided_to,
            "inForceOnly": self.visibility.published_only,
            "today": self.today,
            "inForce": list(IN_FORCE),
        }


def _list_entry_params(sids: Sequence[str], q: ListEntryQuery) -> dict[str, Any]:
    return {"sids": list(sids), **q.filters(), "skip": q.skip, "limit": q.limit}


async def list_entries(
    executor: Executor, sids: Sequence[str], q: ListEntryQuery
) -> dict[str, Page]:
    return pages_by_sid(await executor.read(GET_LIST_ENTRIES, **_list_entry_params(sids, q)))


async def list_entries_in(tx: Tx, sids: Sequence[str], q: ListEntryQuery) -> dict[str, Page]:
    """`list_entries` in a transaction already open, with a page (maybe empty) for every sid."""
    pages = pages_by_sid(await tx.run(GET_LIST_ENTRIES, **_list_entry_params(sids, q)))
    return {sid: pages.get(sid, Page()) for sid in sids}


async def search_list_entries(executor: Executor, q: ListEntryQuery) -> list[Record]:
    """A page of the global list, newest decision first; each row with its `subject` row."""
    return await executor.read(SEARCH_LIST_ENTRIES, **q.filters(), skip=q.skip, limit=q.limit)


async def count_list_entries(executor: Executor, q: ListEntryQuery) -> int:
    row = await executor.read_one(COUNT_LIST_ENTRIES, **q.filters())
    return int(row["total"]) if row else 0


async def entry_subjects(executor: Executor, entry_ids: Sequence[str]) -> dict[str, Record]:
    """entry id → its listed subject's row, for the entries that have one."""
    rows = await executor.read(GET_ENTRY_SUBJECTS, entryIds=list(entry_ids))
    return {row["entryId"]: row for row in rows}
