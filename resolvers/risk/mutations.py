"""Risk mutations: the credit check, a mutation because it records that the check happened."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.context import Context
from graph.risk import checks
from resolvers.risk.types import CreditCheck, check_from


@strawberry.type
class RiskMutations:
    @strawberry.mutation(
        description="Credit check before handling a business item (逢办必查): lists and sanction "
        "flags in force, risk indicators and grade in one answer; the check is recorded. "
        "Errors: BAD_USER_INPUT, NOT_FOUND."
    )
    async def credit_check(
        self, info: Info[Context, None], uscc: str, business_item: str
    ) -> CreditCheck:
        result = await checks.credit_check(
            info.context.executor, uscc, business_item, by=info.context.principal
        )
        return check_from(result)
