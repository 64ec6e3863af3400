"""The per-request loader of sanction flags (one round trip per distinct `asOf`/history)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from aiodataloader import DataLoader

from graph.executor import Executor, Record
from graph.sanctions import flags

FlagKey = tuple[str, bool, date]  # (subject id, include ended, as of)


class FlagLoader(DataLoader[FlagKey, list[Record]]):
    """(sid, includeEnded, asOf) → that subject's flag rows; batched per (includeEnded, asOf)."""

    def __init__(self, executor: Executor) -> None:
        super().__init__()
        self.executor = executor

    async def batch_load_fn(self, keys: list[FlagKey]) -> list[list[Record]]:
        by_query: dict[tuple[bool, date], list[str]] = defaultdict(list)
        for sid, include_ended, as_of in keys:
            by_query[(include_ended, as_of)].append(sid)
        found: dict[FlagKey, list[Record]] = {}
        for (include_ended, as_of), sids in by_query.items():
            rows = await flags.subject_flags(
                self.executor, list(dict.fromkeys(sids)), as_of=as_of, include_ended=include_ended
            )
            for sid in sids:
                found[(sid, include_ended, as_of)] = rows.get(sid, [])
        return [found[k] for k in keys]
