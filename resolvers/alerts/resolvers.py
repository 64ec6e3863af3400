"""Watch-list and alert fields: thin wrappers over graph/alerts.

`alerts` (the list) and the `alerts` subscription read the same durable store in the order the
alerts were numbered: a subscription resumed with the last cursor it received misses nothing.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from strawberry.types import Info

from api.auth import require
from api.context import Context, Loaders
from api.pagination import Connection, build, decode_cursor, window
from api.permissions import SUBSCRIPTIONS
from graph.alerts import store, watches
from graph.errors import BadUserInput
from graph.risk import triage
from resolvers.alerts.types import Alert, AlertEventKind, AlertPage, MarkedRead, Watch
from resolvers.risk.types import TriageDecision

POLL_SECONDS = 1.0  # how often a subscription reads the store when this process wrote nothing
MAX_ALERTS = 500


def _after(cursor: str | None) -> int:
    return decode_cursor(cursor) if cursor else 0


@strawberry.type
class AlertQueries:
    @strawberry.field(
        description="The caller's watches, oldest first (an admin: everyone's). "
        "Errors: BAD_USER_INPUT."
    )
    async def watches(
        self, info: Info[Context, None], first: int, after: str | None = None
    ) -> Connection[Watch]:
        ctx = info.context
        win = window(first, after, ctx.settings.max_page_size)
        rows = await watches.page(ctx.executor, ctx.principal, win.skip, win.limit)

        async def count() -> int:
            return await watches.count(ctx.executor, ctx.principal)

        return build([Watch.of(w) for w in rows], win, count=count)

    @strawberry.field(
        description="The caller's alerts after the cursor `after` (none: from the first), in "
        "the order they were written. Errors: BAD_USER_INPUT."
    )
    async def alerts(
        self,
        info: Info[Context, None],
        first: int,
        after: str | None = None,
        unread_only: bool = False,
    ) -> AlertPage:
        if not 1 <= first <= MAX_ALERTS:
            raise BadUserInput(f"first must be between 1 and {MAX_ALERTS}", field="first")
        ctx = info.context
        seen = _after(after)
        rows = await store.alerts_after(
            ctx.executor, ctx.principal, seen, unread_only=unread_only, limit=first + 1
        )
        nodes = [Alert.of(a) for a in rows[:first]]
        return AlertPage(
            nodes=nodes,
            end_cursor=nodes[-1].cursor if nodes else after,
            has_next_page=len(rows) > first,
        )


@strawberry.type
class AlertMutations:
    @strawberry.mutation(
        description="Watch a subject: alerts for the chosen event kinds on any subject within "
        "`radius` hops (0–3), each with its path. Audited. Errors: BAD_USER_INPUT, NOT_FOUND."
    )
    async def watch(
        self,
        info: Info[Context, None],
        subject_id: strawberry.ID,
        radius: int,
        events: list[AlertEventKind],
        note: str | None = None,
    ) -> Watch:
        ctx = info.context
        created = await watches.watch(
            ctx.executor,
            ctx.principal,
            str(subject_id),
            radius=radius,
            events=[e.value for e in events],
            note=note,
        )
        return Watch.of(created)

    @strawberry.mutation(
        description="Remove one of your watches (an admin: anyone's); its alerts stay. "
        "Audited. Errors: NOT_FOUND."
    )
    async def unwatch(self, info: Info[Context, None], watch_id: strawberry.ID) -> strawberry.ID:
        ctx = info.context
        return strawberry.ID(await watches.unwatch(ctx.executor, ctx.principal, str(watch_id)))

    @strawberry.mutation(
        description="Mark your alerts read: those in `ids`, and every one up to the cursor "
        "`upTo`. Errors: BAD_USER_INPUT."
    )
    async def mark_alerts_read(
        self,
        info: Info[Context, None],
        ids: list[strawberry.ID] | None = None,
        up_to: str | None = None,
    ) -> MarkedRead:
        if not ids and up_to is None:
            raise BadUserInput("name the alerts (`ids`) or a cursor (`upTo`)", field="ids")
        ctx = info.context
        marked = await store.mark_read(
            ctx.executor, ctx.principal, [str(i) for i in ids or []], _after(up_to)
        )
        return MarkedRead(marked=marked)

    @strawberry.mutation(
        description="Confirm or dismiss one of your alerts, with a reason (audited). "
        "Errors: BAD_USER_INPUT, NOT_FOUND."
    )
    async def triage_alert(
        self,
        info: Info[Context, None],
        alert_id: strawberry.ID,
        decision: TriageDecision,
        reason: str,
    ) -> strawberry.ID:
        ctx = info.context
        done = await triage.triage_alert(
            ctx.executor, ctx.principal, str(alert_id), decision.value, reason
        )
        return strawberry.ID(done)


@strawberry.type
class AlertSubscriptions:
    @strawberry.subscription(
        description="Your alerts as they are written, after the cursor `after` (none: only new "
        "ones). Over graphql-transport-ws, with the bearer token in the upgrade request's "
        "Authorization header or in connection_init's payload `{authorization: 'Bearer …'}`. "
        "Reconnect with the last cursor received to get what was missed."
    )
    async def alerts(
        self, info: Info[Context, None], after: str | None = None
    ) -> AsyncGenerator[Alert, None]:
        ctx = info.context
        # The permission check before execution (api/extensions/auth.py) cannot stop a
        # subscription's stream from starting: check again here, from the same table.
        require(ctx.principal, *SUBSCRIPTIONS["alerts"].roles)
        if ctx.auth_error is not None:
            raise ctx.auth_error
        seen = (
            _after(after)
            if after is not None
            else await store.latest_seq(ctx.executor, ctx.principal)
        )
        while True:
            rows = await store.alerts_after(
                ctx.executor, ctx.principal, seen, unread_only=False, limit=MAX_ALERTS
            )
            if rows:
                ctx.loaders = Loaders.fresh(
                    ctx.executor
                )  # the connection lives long: no stale rows
                for a in rows:
                    seen = a.seq
                    yield Alert.of(a)
                continue
            await store.ARRIVALS.wait(POLL_SECONDS)
