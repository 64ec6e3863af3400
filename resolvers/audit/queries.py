"""The audit trail query, for admins only (api/permissions.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from api.context import Context
from api.pagination import Connection, build, window
from graph import audit
from graph.errors import BadUserInput
from resolvers.audit.types import AuditEvent


@strawberry.type
class AuditQueries:
    @strawberry.field(
        description="Audit events, newest first: every mutation and every read of personal data, "
        "with who, role, purpose, what and when. Filters: `operation` (e.g. readPersonalData), "
        "`actor`, and the instants `from`/`to`. Admin only. Errors: BAD_USER_INPUT."
    )
    async def audit_events(
        self,
        info: Info[Context, None],
        first: int,
        after: str | None = None,
        operation: str | None = None,
        actor: str | None = None,
        from_: Annotated[datetime | None, strawberry.argument(name="from")] = None,
        to: datetime | None = None,
    ) -> Connection[AuditEvent]:
        if from_ is not None and to is not None and from_ > to:
            raise BadUserInput("`from` is after `to`", field="from")
        win = window(first, after, info.context.settings.max_page_size)
        where = audit.EventFilter(operation=operation, actor=actor, start=from_, end=to)
        executor = info.context.executor
        rows = await audit.search_events(executor, where, win.skip, win.limit)

        async def count() -> int:
            return await audit.count_events(executor, where)

        return build([AuditEvent.from_row(r) for r in rows], win, count=count)
