"""Dashboard aggregates: subjects, records, active list entries and publication timeliness."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Literal

from graph.calendar import working_days_between
from graph.cypher import statement
from graph.executor import Executor, Record
from graph.model import MODEL
from graph.rules.in_force import IN_FORCE

COUNT_SUBJECTS_BY = statement("stats/count_subjects_by")
COUNT_RECORDS_BY_TYPE_MONTH = statement("stats/count_records_by_type_month")
COUNT_ACTIVE_LIST_ENTRIES = statement("stats/count_active_list_entries")
GET_PUBLICATION_DATES = statement("stats/get_publication_dates")

DOUBLE_PUBLICITY = [name for name, rt in MODEL.record_types.items() if rt.double_publicity]


async def subjects_by(
    executor: Executor, by: Literal["kind", "region", "industry"]
) -> list[Record]:
    return await executor.read(COUNT_SUBJECTS_BY, by=by)


async def records_by_type_month(executor: Executor, start: date, end: date) -> list[Record]:
    return await executor.read(COUNT_RECORDS_BY_TYPE_MONTH, **{"from": start, "to": end})


async def active_list_entries(executor: Executor, today: date) -> list[Record]:
    """Entries in force on `today` (entries under objection included: they count until decided)."""
    return await executor.read(COUNT_ACTIVE_LIST_ENTRIES, today=today, inForce=list(IN_FORCE))


@dataclass(frozen=True)
class Timeliness:
    authority_id: str
    authority_name: str | None
    total: int
    on_time: int
    unpublished: int

    @property
    def share(self) -> float:
        return self.on_time / self.total if self.total else 1.0


async def publication_timeliness(
    executor: Executor,
    start: date,
    end: date,
    *,
    deadline_working_days: int = 7,
    holidays: Collection[date] = (),
    makeup: Collection[date] = (),
) -> list[Timeliness]:
    """Share of licences and penalties published within N working days of the decision.

    DOMAIN.md §3.2 / §8.2: 7 working days from the decision (Anhui), a 100% target (Henan). A
    record with no publication date counts as late.
    """
    rows = await executor.read(
        GET_PUBLICATION_DATES, types=DOUBLE_PUBLICITY, **{"from": start, "to": end}
    )
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    names: dict[str, str | None] = {}
    for row in rows:
        acc = totals[row["authorityId"]]
        names[row["authorityId"]] = row["authorityName"]
        acc[0] += row["count"]
        published = row["publishedAt"]
        if published is None:
            acc[2] += row["count"]
            continue
        lag = working_days_between(row["decisionDate"], published, holidays, makeup)
        if lag <= deadline_working_days:
            acc[1] += row["count"]
    return [
        Timeliness(aid, names[aid], total, on_time, unpublished)
        for aid, (total, on_time, unpublished) in sorted(totals.items())
    ]
