"""Queries: flags with their explanation, propagation previews, the catalogue, overdue feedback."""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.types import Info

from api.context import Context
from api.extensions.cost import cost_hint
from api.pagination import Connection, build, window
from api.permissions import visibility_of
from graph.errors import BadUserInput
from graph.inputs import validated
from graph.measures import applications, catalogue
from graph.sanctions import designation
from graph.sanctions.inputs import DesignationIn, subject_sid
from resolvers.sanctions.mutations import DesignationInput, designation_data
from resolvers.sanctions.types import Measure, MeasureApplication, PropagationPreview, SanctionFlag


def _sid(value: str) -> str:
    try:
        return subject_sid(value)
    except ValueError as exc:
        raise BadUserInput(str(exc), field="subjectId") from None


async def subject_flags(
    info: Info[Context, None], sid: str, include_ended: bool, as_of: date | None
) -> list[SanctionFlag]:
    """The flags on one subject, for `flags(…)` and the lead's `Subject.flags` field.

    A published-only role sees the flags in force today that are public (its history arguments
    were refused before the resolver ran, api/permissions.py).
    """
    day = as_of or date.today()
    if visibility_of(info.context.principal).published_only:
        include_ended, day = False, max(day, date.today())
        rows = await info.context.loaders.flags.load((sid, include_ended, day))
        rows = [r for r in rows if r.get("public")]
    else:
        rows = await info.context.loaders.flags.load((sid, include_ended, day))
    return [SanctionFlag.from_row(r, day) for r in rows]


@strawberry.type
class SanctionQueries:
    @strawberry.field(
        description="Sanction flags on a subject with `why` (rule, basis, paths). By default only "
        "flags in force on `asOf` (today); `includeEnded` adds ended and expired ones (history). "
        "Errors: BAD_USER_INPUT.",
        metadata=cost_hint(multiplier=20),
    )
    async def flags(
        self,
        info: Info[Context, None],
        subject_id: strawberry.ID,
        include_ended: bool = False,
        as_of: date | None = None,
    ) -> list[SanctionFlag]:
        return await subject_flags(info, _sid(str(subject_id)), include_ended, as_of)

    @strawberry.field(
        description="What designating this decision would write (flags, derived entries), "
        "without writing anything. Errors: BAD_USER_INPUT, NOT_FOUND."
    )
    async def preview_propagation(
        self, info: Info[Context, None], input: DesignationInput
    ) -> PropagationPreview:
        data = validated(DesignationIn, designation_data(input))
        plan = await designation.preview(info.context.executor, [data])
        return PropagationPreview.of(plan, date.today())

    @strawberry.field(
        description="The measure catalogue; `published` filters on publication.",
        metadata=cost_hint(multiplier=50),
    )
    async def measures(
        self, info: Info[Context, None], published: bool | None = None
    ) -> list[Measure]:
        if visibility_of(info.context.principal).published_only:
            published = True  # `published: false` was refused before the resolver ran
        rows = await catalogue.measures(info.context.executor, published)
        return [Measure.from_row(r) for r in rows]

    @strawberry.field(
        description="Measure applications whose feedback was due before `asOf` (today) and has "
        "not arrived, most overdue first (the joint-punishment feedback board)."
    )
    async def overdue_feedback(
        self,
        info: Info[Context, None],
        first: int,
        after: str | None = None,
        as_of: date | None = None,
    ) -> Connection[MeasureApplication]:
        win = window(first, after, info.context.settings.max_page_size)
        day = as_of or date.today()
        executor = info.context.executor
        rows = await applications.overdue(executor, as_of=day, skip=win.skip, limit=win.limit)

        async def count() -> int:
            return await applications.count_overdue(executor, as_of=day)

        return build([MeasureApplication.from_row(r) for r in rows], win, count=count)
