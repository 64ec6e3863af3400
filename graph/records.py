"""Reading credit records and list entries, page by page under each subject."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from graph.cypher import statement
from graph.executor import Executor
from graph.pages import Page, pages_by_sid

GET_RECORDS = statement("records/get_records")
GET_LIST_ENTRIES = statement("records/get_list_entries")


@dataclass(frozen=True)
class RecordQuery:
    types: tuple[str, ...] | None
    start: date | None
    end: date | None
    skip: int
    limit: int


async def records(executor: Executor, sids: Sequence[str], q: RecordQuery) -> dict[str, Page]:
    rows = await executor.read(
        GET_RECORDS,
        sids=list(sids),
        types=list(q.types) if q.types else None,
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


async def list_entries(
    executor: Executor, sids: Sequence[str], q: ListEntryQuery
) -> dict[str, Page]:
    rows = await executor.read(
        GET_LIST_ENTRIES,
        sids=list(sids),
        statuses=list(q.statuses) if q.statuses else None,
        listTypes=list(q.list_types) if q.list_types else None,
        today=q.today,
        skip=q.skip,
        limit=q.limit,
    )
    return pages_by_sid(rows)
