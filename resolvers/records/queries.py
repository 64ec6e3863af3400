"""Queries for credit records and list entries: a subject's, and the global list of entries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from api.context import Context
from api.pagination import Connection, Window, build, resolve, window
from api.permissions import visibility_of
from graph import records
from graph.errors import BadUserInput
from graph.pages import Page
from graph.records import ListEntryQuery
from resolvers.enums import ListStatus, ListType, RecordType
from resolvers.records.types import CreditRecord, ListEntry, list_entry_from_row
from resolvers.subjects.queries import subject_by_id
from resolvers.subjects.types import paged, records_page

_LEGACY = "Give it in `filter` (the same meaning); this argument stays for old clients."


@strawberry.input(
    description="Which list entries `listEntries` returns; every filter given must hold."
)
class ListEntryFilter:
    subject_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only this subject's entries (USCC or person id)."
    )
    list_type: list[ListType] | None = strawberry.field(default=None, description="Lists.")
    status: list[ListStatus] | None = strawberry.field(
        default=None,
        description="Effective statuses (an in-force entry past its period is EXPIRED); ACTIVE "
        "includes entries under objection. The public may ask only for entries in force.",
    )
    authority: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Designating authorities, by authority id."
    )
    region: list[str] | None = strawberry.field(
        default=None, description="The listed subject's region (district code)."
    )
    decided_from: date | None = strawberry.field(
        default=None, description="Decided on or after this day."
    )
    decided_to: date | None = strawberry.field(
        default=None, description="Decided on or before this day."
    )


def _values(items: list[ListStatus] | list[ListType] | None) -> tuple[str, ...] | None:
    return tuple(i.value for i in items) if items else None


def _merge(legacy: object, given: object, name: str) -> None:
    if legacy is not None and given is not None:
        raise BadUserInput(f"give `{name}` once: in `filter` or as an argument", field=name)


@strawberry.type
class RecordQueries:
    @strawberry.field(description="A subject's credit records, newest first. Errors: NOT_FOUND.")
    async def records(
        self,
        info: Info[Context, None],
        subject_id: strawberry.ID,
        first: int | None = None,
        after: str | None = None,
        types: list[RecordType] | None = None,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CreditRecord]:
        subject = await subject_by_id(info, str(subject_id).upper())
        sid = str(subject.id)
        return await records_page(info, sid, first, after, types, from_, to, last, before)

    @strawberry.field(
        description="List entries, newest decision first, each with its subject: the global "
        "list (officers' and dashboards' first screen), or one subject's with "
        "`filter: {subjectId}`. The public sees entries in force only. Errors: NOT_FOUND "
        "(unknown subject), BAD_USER_INPUT, LIMIT_EXCEEDED."
    )
    async def list_entries(
        self,
        info: Info[Context, None],
        subject_id: Annotated[
            strawberry.ID | None, strawberry.argument(deprecation_reason=_LEGACY)
        ] = None,
        first: int | None = None,
        after: str | None = None,
        status: Annotated[
            list[ListStatus] | None, strawberry.argument(deprecation_reason=_LEGACY)
        ] = None,
        list_type: Annotated[
            list[ListType] | None, strawberry.argument(deprecation_reason=_LEGACY)
        ] = None,
        filter: ListEntryFilter | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ListEntry]:
        f = filter or ListEntryFilter()
        _merge(subject_id, f.subject_id, "subjectId")
        _merge(status, f.status, "status")
        _merge(list_type, f.list_type, "listType")
        win = window(first, after, info.context.settings.max_page_size, last=last, before=before)
        q = ListEntryQuery(
            statuses=_values(status if status is not None else f.status),
            list_types=_values(list_type if list_type is not None else f.list_type),
            today=date.today(),
            skip=win.skip,
            limit=win.limit,
            visibility=visibility_of(info.context.principal),
            authorities=tuple(str(a) for a in f.authority) if f.authority else None,
            regions=tuple(f.region) if f.region else None,
            decided_from=f.decided_from,
            decided_to=f.decided_to,
        )
        one = subject_id if subject_id is not None else f.subject_id
        if one is not None:
            return await _subject_entries(info, str(one).upper(), q, win)
        executor = info.context.executor

        async def count() -> int:
            return await records.count_list_entries(executor, q)

        win = await resolve(win, count)
        rows = await records.search_list_entries(
            executor, replace(q, skip=win.skip, limit=win.limit)
        )
        subjects = info.context.loaders.subject
        entries = []
        for row in rows:
            subject = row["subject"]
            subjects.prime(subject["sid"], subject)
            entries.append(list_entry_from_row(row, subject["sid"]))
        return build(entries, win, count=count)


async def _subject_entries(
    info: Info[Context, None], sid: str, q: ListEntryQuery, win: Window
) -> Connection[ListEntry]:
    subject = await subject_by_id(info, sid)
    sid = str(subject.id)
    loader = info.context.loaders.list_entries

    async def load(w: Window) -> Page:
        return await loader.load((sid, replace(q, skip=w.skip, limit=w.limit)))

    win, page = await paged(win, load)
    return build([list_entry_from_row(r, sid) for r in page.rows], win, total=page.total)
