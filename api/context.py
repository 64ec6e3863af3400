"""The typed per-request context: the executor, the settings and fresh dataloaders.

Loaders are built for one request only. A loader shared between requests would serve one user's
cached rows to another and stale rows after a write.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
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


@dataclass
class Loaders:
    enterprise: EnterpriseLoader
    legal_representatives: LegalRepresentativeLoader
    subject: SubjectLoader
    entry_subject: EntrySubjectLoader
    role_holders: PageLoader[RoleQuery]
    held_roles: PageLoader[RoleQuery]
    records: PageLoader[RecordQuery]
    list_entries: PageLoader[ListEntryQuery]
    risk: RiskLoaders
    flags: FlagLoader
    personal_data: PersonalDataLoader

    @classmethod
    def fresh(cls, executor: Executor) -> Loaders:
        return cls(
            enterprise=EnterpriseLoader(executor),
            legal_representatives=LegalRepresentativeLoader(executor),
            subject=SubjectLoader(executor),
            entry_subject=EntrySubjectLoader(executor),
            role_holders=role_holder_loader(executor),
            held_roles=held_role_loader(executor),
            records=record_loader(executor),
            list_entries=list_entry_loader(executor),
            risk=RiskLoaders.fresh(executor),
            flags=FlagLoader(executor),
            personal_data=PersonalDataLoader(executor),
        )


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
