"""Per-request loader of persons' protected personal data (one round trip per batch)."""

from __future__ import annotations

from aiodataloader import DataLoader

from graph import personal
from graph.executor import Executor, Record


class PersonalDataLoader(DataLoader[str, Record | None]):
    """Person id → its protected properties (None: no such person)."""

    def __init__(self, executor: Executor) -> None:
        super().__init__()
        self.executor = executor

    async def batch_load_fn(self, keys: list[str]) -> list[Record | None]:
        found = await personal.personal_data(self.executor, list(dict.fromkeys(keys)))
        return [found.get(k) for k in keys]
