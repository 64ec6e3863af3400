"""Per-request DataLoaders: each parent-to-children load in a GraphQL tree is one round trip.

Keys are `(parent id, query)` where `query` is a hashable description of the page asked for
(filters, offset, size). One batch groups its keys by `query` and issues one statement per
distinct query, so 50 enterprises asking for the same page of roles cost one round trip.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from aiodataloader import DataLoader

from graph import records, subjects
from graph.executor import Executor, Record
from graph.pages import Page

Q = TypeVar("Q", bound=Hashable)
Fetch = Callable[[Executor, Sequence[str], Any], Awaitable[dict[str, Page]]]


class PageLoader(DataLoader[tuple[str, Q], Page], Generic[Q]):
    """(sid, query) → that sid's page; batched per distinct query.

    Pages already fetched (or primed) in this request can also be read without awaiting
    (`peek`): a resolver whose page a parent prefetched then completes synchronously, which
    spares the event loop a task per field on wide responses.
    """

    def __init__(self, executor: Executor, fetch: Fetch) -> None:
        super().__init__()
        self.executor = executor
        self.fetch = fetch
        self._ready: dict[tuple[str, Q], Page] = {}

    async def batch_load_fn(self, keys: list[tuple[str, Q]]) -> list[Page]:
        by_query: dict[Q, list[str]] = defaultdict(list)
        for sid, query in keys:
            by_query[query].append(sid)
        found: dict[tuple[str, Q], Page] = {}
        for query, sids in by_query.items():
            pages = await self.fetch(self.executor, list(dict.fromkeys(sids)), query)
            for sid in sids:
                found[(sid, query)] = pages.get(sid, Page())
        self._ready.update(found)
        return [found[k] for k in keys]

    def prime_page(self, key: tuple[str, Q], page: Page) -> None:
        """Store a page fetched by someone else (a parent's lookahead) under its key."""
        self._ready.setdefault(key, page)
        self.prime(key, page)

    def peek(self, key: tuple[str, Q]) -> Page | None:
        """The page for `key` if it is already here, without waiting; None otherwise."""
        return self._ready.get(key)


class SubjectLoader(DataLoader[str, Record | None]):
    """Public id → subject row (or None)."""

    def __init__(self, executor: Executor) -> None:
        super().__init__()
        self.executor = executor

    async def batch_load_fn(self, keys: list[str]) -> list[Record | None]:
        found = await subjects.subjects_by_sid(self.executor, keys)
        return [found.get(k) for k in keys]


class EntrySubjectLoader(DataLoader[str, Record | None]):
    """List entry id → its listed subject's row (or None), for entries read without it."""

    def __init__(self, executor: Executor) -> None:
        super().__init__()
        self.executor = executor

    async def batch_load_fn(self, keys: list[str]) -> list[Record | None]:
        found = await records.entry_subjects(self.executor, keys)
        return [found.get(k) for k in keys]


def role_holder_loader(executor: Executor) -> PageLoader[subjects.RoleQuery]:
    return PageLoader(executor, subjects.role_holders)


def held_role_loader(executor: Executor) -> PageLoader[subjects.RoleQuery]:
    return PageLoader(executor, subjects.held_roles)


def record_loader(executor: Executor) -> PageLoader[records.RecordQuery]:
    return PageLoader(executor, records.records)


def list_entry_loader(executor: Executor) -> PageLoader[records.ListEntryQuery]:
    return PageLoader(executor, records.list_entries)
