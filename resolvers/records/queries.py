"""Queries for a subject's credit records and list entries."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from api.context import Context
from api.pagination import Connection
from resolvers.enums import ListStatus, ListType, RecordType
from resolvers.records.types import CreditRecord, ListEntry
from resolvers.subjects.queries import subject_by_id
from resolvers.subjects.types import list_entries_page, records_page


@strawberry.type
class RecordQueries:
    @strawberry.field(description="A subject's credit records, newest first. Errors: NOT_FOUND.")
    async def records(
        self,
        info: Info[Context, None],
        subject_id: strawberry.ID,
        first: int,
        after: str | None = None,
        types: list[RecordType] | None = None,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
    ) -> Connection[CreditRecord]:
        subject = await subject_by_id(info, str(subject_id).upper())
        return await records_page(info, str(subject.id), first, after, types, from_, to)

    @strawberry.field(description="A subject's list entries, newest first. Errors: NOT_FOUND.")
    async def list_entries(
        self,
        info: Info[Context, None],
        subject_id: strawberry.ID,
        first: int,
        after: str | None = None,
        status: list[ListStatus] | None = None,
        list_type: list[ListType] | None = None,
    ) -> Connection[ListEntry]:
        subject = await subject_by_id(info, str(subject_id).upper())
        return await list_entries_page(info, str(subject.id), first, after, status, list_type)
