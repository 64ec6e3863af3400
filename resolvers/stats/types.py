"""GraphQL types of the dashboard aggregates. Each field of `Stats` runs only when selected."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

import strawberry
from strawberry.types import Info

from api.context import Context
from graph import stats


@strawberry.type(description="A count under a key (kind, region, industry…).")
class KeyCount:
    key: str | None = strawberry.field(description="The group; null for subjects without one.")
    count: int = strawberry.field(description="How many.")


@strawberry.type(description="Records of one type decided in one month.")
class RecordMonthCount:
    record_type: str = strawberry.field(description="Record type.")
    month: str = strawberry.field(description="Month of the decision, YYYY-MM.")
    count: int = strawberry.field(description="How many.")


@strawberry.type(description="Active list entries of one list type designated by one authority.")
class ListEntryCount:
    list_type: str = strawberry.field(description="List type.")
    authority_id: str | None = strawberry.field(description="Designating authority.")
    authority_name: str | None = strawberry.field(description="Its name.")
    count: int = strawberry.field(description="Active entries (period not ended).")


@strawberry.type(
    description="Publication timeliness of licences and penalties (双公示) per authority."
)
class PublicationTimeliness:
    authority_id: str = strawberry.field(description="Authority.")
    authority_name: str | None = strawberry.field(description="Its name.")
    total: int = strawberry.field(description="Licences and penalties decided in the period.")
    on_time: int = strawberry.field(description="Published within the deadline.")
    unpublished: int = strawberry.field(description="Not published at all (counted as late).")
    share: float = strawberry.field(
        description="on_time / total (target 100%, docs/domain.md §8.3)."
    )
    deadline_working_days: int = strawberry.field(description="The deadline applied.")


def _counts(rows: list[dict[str, object]]) -> list[KeyCount]:
    return [KeyCount(key=r["key"], count=r["count"]) for r in rows]  # type: ignore[arg-type]


@strawberry.type(description="Dashboard aggregates; the period defaults to the last 12 months.")
class Stats:
    start: date = strawberry.field(description="First day of the period.")
    end: date = strawberry.field(description="Last day of the period.")

    async def _by(
        self, info: Info[Context, None], by: Literal["kind", "region", "industry"]
    ) -> list[KeyCount]:
        return _counts(await stats.subjects_by(info.context.executor, by))

    @strawberry.field(description="Subjects per kind.")
    async def subjects_by_kind(self, info: Info[Context, None]) -> list[KeyCount]:
        return await self._by(info, "kind")

    @strawberry.field(description="Subjects per registered region.")
    async def subjects_by_region(self, info: Info[Context, None]) -> list[KeyCount]:
        return await self._by(info, "region")

    @strawberry.field(description="Subjects per industry.")
    async def subjects_by_industry(self, info: Info[Context, None]) -> list[KeyCount]:
        return await self._by(info, "industry")

    @strawberry.field(description="Records per type and month of decision, within the period.")
    async def records_by_type_month(self, info: Info[Context, None]) -> list[RecordMonthCount]:
        rows = await stats.records_by_type_month(info.context.executor, self.start, self.end)
        return [
            RecordMonthCount(record_type=r["recordType"], month=r["month"], count=r["count"])
            for r in rows
        ]

    @strawberry.field(description="Active list entries per list type and authority, on `end`.")
    async def active_list_entries(self, info: Info[Context, None]) -> list[ListEntryCount]:
        rows = await stats.active_list_entries(info.context.executor, self.end)
        return [
            ListEntryCount(
                list_type=r["listType"],
                authority_id=r["authorityId"],
                authority_name=r["authorityName"],
                count=r["count"],
            )
            for r in rows
        ]

    @strawberry.field(
        description="Share of licences and penalties published within the deadline (7 working "
        "days of the decision, docs/domain.md §3.2) per authority, within the period."
    )
    async def publication_timeliness(
        self, info: Info[Context, None]
    ) -> list[PublicationTimeliness]:
        settings = info.context.settings
        deadline = settings.publication_deadline_working_days
        rows = await stats.publication_timeliness(
            info.context.executor,
            self.start,
            self.end,
            deadline_working_days=deadline,
            holidays=set(settings.public_holidays),
            makeup=set(settings.makeup_workdays),
        )
        return [
            PublicationTimeliness(
                authority_id=t.authority_id,
                authority_name=t.authority_name,
                total=t.total,
                on_time=t.on_time,
                unpublished=t.unpublished,
                share=t.share,
                deadline_working_days=deadline,
            )
            for t in rows
        ]


def period(start: date | None, end: date | None) -> Stats:
    last = end or date.today()
    return Stats(start=start or last - timedelta(days=365), end=last)
