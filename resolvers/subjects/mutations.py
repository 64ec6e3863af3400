"""Mutations on subjects."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.context import Context
from graph import subjects
from graph.errors import NotFound
from graph.inputs import EnterpriseIn, validated
from resolvers.subjects.types import EnterpriseUpsert, organization_from_row


@strawberry.input(description="An enterprise to create or update, keyed by USCC.")
class EnterpriseInput:
    uscc: str = strawberry.field(description="USCC; validated with its check digit.")
    name: str = strawberry.field(description="Registered name.")
    region: str | None = strawberry.field(default=None, description="Region / district.")
    industry: str | None = strawberry.field(default=None, description="Industry code.")
    is_soe: bool | None = strawberry.field(default=None, description="State-owned enterprise.")


@strawberry.type
class SubjectMutations:
    @strawberry.mutation(description="Create or update an enterprise. Errors: BAD_USER_INPUT.")
    async def upsert_enterprise(
        self, info: Info[Context, None], input: EnterpriseInput
    ) -> EnterpriseUpsert:
        data = validated(
            EnterpriseIn,
            {
                "uscc": input.uscc,
                "name": input.name,
                "region": input.region,
                "industry": input.industry,
                "isSOE": input.is_soe,
            },
        )
        row = await subjects.upsert_enterprise(info.context.executor, data)
        info.context.loaders.enterprise.clear(row["uscc"])
        stored = await info.context.loaders.enterprise.load(row["uscc"])
        if stored is None:  # pragma: no cover - just written in the same request
            raise NotFound(f"enterprise {row['uscc']} vanished after the upsert")
        return EnterpriseUpsert(
            enterprise=organization_from_row({**stored, "sid": stored["uscc"]}),
            created=row["created"],
        )
