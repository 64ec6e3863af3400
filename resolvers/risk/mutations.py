"""Risk mutations: the credit check, a mutation because it records that the check happened."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.context import Context
from graph.risk import checks, triage
from graph.risk.linked import indicators_of
from resolvers.risk.types import (
    CreditCheck,
    RiskIndicator,
    TriageDecision,
    check_from,
    indicator_from,
)


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

    @strawberry.mutation(
        description="Confirm or dismiss a linked-risk indicator, with a reason (audited). A "
        "dismissed indicator stays dismissed through recomputations until its evidence changes; "
        "then its triage reads CHANGED. Sanction flags cannot be triaged (they end through "
        "objection, repair or expiry). Errors: BAD_USER_INPUT, NOT_FOUND."
    )
    async def triage_indicator(
        self,
        info: Info[Context, None],
        indicator_id: strawberry.ID,
        decision: TriageDecision,
        reason: str,
    ) -> RiskIndicator:
        ctx = info.context
        target = await triage.triage_indicator(
            ctx.executor, ctx.principal, str(indicator_id), decision.value, reason
        )
        rows = (await indicators_of(ctx.executor, [target]))[target]
        return indicator_from(next(r for r in rows if r["indicatorId"] == str(indicator_id)))
