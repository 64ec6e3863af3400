"""Per-request loaders for the risk fields on subjects (grade, risk indicators): one round trip
per batch of subjects, however many a query lists."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from aiodataloader import DataLoader

from graph.executor import Executor, Record
from graph.risk import grading, linked


class GradeLoader(DataLoader[tuple[str, date], grading.GradeResult | None]):
    """(sid, asOf) → Hebei grade computed on read; one statement per distinct asOf."""

    def __init__(self, executor: Executor) -> None:
        super().__init__()
        self.executor = executor

    async def batch_load_fn(self, keys: list[tuple[str, date]]) -> list[grading.GradeResult | None]:
        by_day: dict[date, list[str]] = defaultdict(list)
        for sid, day in keys:
            by_day[day].append(sid)
        found: dict[tuple[str, date], grading.GradeResult] = {}
        for day, sids in by_day.items():
            for sid, result in (await grading.grades(self.executor, sids, day)).items():
                found[(sid, day)] = result
        return [found.get(k) for k in keys]


class IndicatorLoader(DataLoader[str, list[Record]]):
    """sid → stored risk indicators, strongest first."""

    def __init__(self, executor: Executor) -> None:
        super().__init__()
        self.executor = executor

    async def batch_load_fn(self, keys: list[str]) -> list[list[Record]]:
        found = await linked.indicators_of(self.executor, list(dict.fromkeys(keys)))
        return [found.get(k, []) for k in keys]


@dataclass
class RiskLoaders:
    grade: GradeLoader
    indicators: IndicatorLoader

    @classmethod
    def fresh(cls, executor: Executor) -> RiskLoaders:
        return cls(grade=GradeLoader(executor), indicators=IndicatorLoader(executor))
