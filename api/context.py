"""The typed per-request context: the executor, the settings and fresh dataloaders.

Loaders are built for one request only. A loader shared between requests would serve one user's
cached rows to another and stale rows after a write.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from aiodataloader import DataLoader
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from api.auth import Principal
from api.loaders import (
    EntrySubjectLoader,
    PageLoader,
    SubjectLoader,
    held_role_loader,
    list_entry_loader,
    record_loader,
    role_holder_loader,
)
from api.settings import Settings
from graph import subjects
from graph.errors import Unauthenticated
from graph.executor import Executor, Record
from graph.personal import PersonalRead
from graph.records import ListEntryQuery, RecordQuery
from graph.subjects import RoleQuery
from resolvers.risk.loaders import RiskLoaders
from resolvers.sanctions.loaders import FlagLoader
from resolvers.subjects.loaders import PersonalDataLoader


class EnterpriseLoader(DataLoader[str, Record | None]):
    """USCC → organisation row (or None)."""

    def __init__(self, executor: Executor) -> None:
        super().__init__()
        self.executor = executor

    async def batch_load_fn(self, keys: list[str]) -> list[Record | None]:
        found = await subjects.enterprises_by_uscc(self.executor, keys)
        return [found.get(k) for k in keys]


class LegalRepresentativeLoader(DataLoader[tuple[str, Any], list[Record]]):
    """(USCC, asOf) → legal-representative role rows. One round trip per distinct asOf."""

    def __init__(self, executor: Executor) -> None:
        super().__init__()
        self.executor = executor

    async def batch_load_fn(self, keys: list[tuple[str, Any]]) -> list[list[Record]]:
        by_date: dict[Any, list[str]] = {}
        for uscc, as_of in keys:
            by_date.setdefault(as_of, []).append(uscc)
        results: dict[tuple[str, Any], list[Record]] = {}
        for as_of, usccs in by_date.items():
            grouped = await subjects.legal_representatives(self.executor, usccs, as_of)
            for uscc in usccs:
                results[(uscc, as_of)] = grouped.get(uscc, [])
        return [results[k] for k in keys]


class Loaders:
    """One request's loaders, each built when a resolver first asks for it (most requests use
    two or three of them; building all costs a tenth of a small query)."""

    def __init__(self, executor: Executor) -> None:
        self.executor = executor

    @classmethod
    def fresh(cls, executor: Executor) -> Loaders:
        return cls(executor)

    @cached_property
    def enterprise(self) -> EnterpriseLoader:
        return EnterpriseLoader(self.executor)

    @cached_property
    def legal_representatives(self) -> LegalRepresentativeLoader:
        return LegalRepresentativeLoader(self.executor)

    @cached_property
    def subject(self) -> SubjectLoader:
        return SubjectLoader(self.executor)

    @cached_property
    def entry_subject(self) -> EntrySubjectLoader:
        return EntrySubjectLoader(self.executor)

    @cached_property
    def role_holders(self) -> PageLoader[RoleQuery]:
        return role_holder_loader(self.executor)

    @cached_property
    def held_roles(self) -> PageLoader[RoleQuery]:
        return held_role_loader(self.executor)

    @cached_property
    def records(self) -> PageLoader[RecordQuery]:
        return record_loader(self.executor)

    @cached_property
    def list_entries(self) -> PageLoader[ListEntryQuery]:
        return list_entry_loader(self.executor)

    @cached_property
    def risk(self) -> RiskLoaders:
        return RiskLoaders.fresh(self.executor)

    @cached_property
    def flags(self) -> FlagLoader:
        return FlagLoader(self.executor)

    @cached_property
    def personal_data(self) -> PersonalDataLoader:
        return PersonalDataLoader(self.executor)


@dataclass
class Context:
    request: Request | WebSocket
    response: Response | None
    executor: Executor
    settings: Settings
    principal: Principal = field(default_factory=Principal)
    # A token that failed verification: the request is refused with UNAUTHENTICATED.
    auth_error: Unauthenticated | None = None
    # Personal data read in this request, audited in one event when it ends (api/extensions/auth).
    personal_reads: list[PersonalRead] = field(default_factory=list)
    # Loader keys built from field arguments, by those arguments: a card builds the same
    # list-entry query for each of its ~100 organisations (resolvers/subjects/lookahead.py).
    keys: dict[Hashable, Any] = field(default_factory=dict)
    loaders: Loaders = field(init=False)
    # A websocket's connection_init payload (graphql-transport-ws): it may carry the token.
    connection_params: dict[str, object] | None = None

    def __post_init__(self) -> None:
        self.loaders = Loaders.fresh(self.executor)
