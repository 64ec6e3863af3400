"""Queries over subjects."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.context import Context
from graph.errors import NotFound
from graph.identifiers import normalize_uscc
from resolvers.subjects.types import Enterprise


@strawberry.type
class SubjectQueries:
    @strawberry.field(description="One enterprise by USCC. Errors: BAD_USER_INPUT, NOT_FOUND.")
    async def enterprise(self, info: Info[Context, None], uscc: str) -> Enterprise:
        key = normalize_uscc(uscc)
        row = await info.context.loaders.enterprise.load(key)
        if row is None:
            raise NotFound(f"no enterprise with USCC {key}", uscc=key)
        return Enterprise.from_row(row)
