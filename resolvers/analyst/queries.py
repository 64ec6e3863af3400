"""Analyst Cypher queries: runCypher, analyticsQueries, runAnalyticsQuery (analyst and admin).

Personal-data rights belong to investigators and officers, who have a stated purpose and a case
(docs/domain.md §8.5, 002 HLJ Art.22: use within the authorised scope). Neither analysts nor admins
have them: an analyst studies patterns, not persons, and an admin runs the system; letting the
role that can change configuration also read citizens' data through free-form Cypher would put
both powers in one hand. So for both roles runCypher refuses every route to a protected property
and strips what the result would carry.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from api.auth import Principal, require
from api.context import Context
from api.extensions.cost import cost_hint
from api.permissions import ANALYSTS, PERSONAL_DATA_ROLES
from graph.analyst import run
from graph.errors import BadUserInput
from graph.model import readable
from resolvers.analyst.types import (
    AnalyticsQuery,
    CypherResult,
    GraphModel,
    analytics_query_from,
    graph_model_from,
    result_from,
)


def _analyst(info: Info[Context, None]) -> Principal:
    """Checked again here, behind the permission matrix (api/permissions.py), which refuses
    (and reports) other roles before any resolver runs."""
    return require(info.context.principal, *ANALYSTS)


def _limits(info: Info[Context, None]) -> run.Limits:
    s = info.context.settings
    return run.Limits(max_rows=s.run_cypher_max_rows, time_limit=s.run_cypher_timeout)


def _params(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadUserInput("params must be a JSON object", field="params")
    return value


@strawberry.type
class AnalystQueries:
    @strawberry.field(
        description="Run your own read-only Cypher (analyst, admin). It runs in a transaction "
        "that is rolled back, within RUN_CYPHER_TIMEOUT seconds and RUN_CYPHER_MAX_ROWS rows, "
        "and is audited. Refused: writes, procedure calls (CALL is for `CALL (x) { … }` "
        "subqueries), admin commands, several statements, and any route to protected personal "
        "data (naming a protected property, `x[…]` other than an integer index, keys(), "
        "properties(), {.*}, or turning a node into text). Values as $parameters in `params`. "
        "The labels, relationship types and readable properties are in `graphModel` and "
        "docs/graph-model.md (no need for db.labels(), which is a refused procedure call); "
        "`columns` come back for an empty result too. "
        "Errors: FORBIDDEN, BAD_USER_INPUT, LIMIT_EXCEEDED, UNAUTHENTICATED.",
        metadata=cost_hint(base=100),
    )
    async def run_cypher(
        self, info: Info[Context, None], query: str, params: JSON | None = None
    ) -> CypherResult:
        given = _params(params)
        principal = _analyst(info)
        result = await run.run_cypher(
            info.context.executor,
            principal,
            query,
            given,
            _limits(info),
            personal_data=principal.role in PERSONAL_DATA_ROLES,
        )
        return result_from(result)

    @strawberry.field(
        description="The documented queries of cypher/analytics/ (analyst, admin), with their "
        "parameters and defaults on `asOf` (default today). Errors: FORBIDDEN, UNAUTHENTICATED.",
        metadata=cost_hint(multiplier=20),
    )
    async def analytics_queries(
        self, info: Info[Context, None], as_of: date | None = None
    ) -> list[AnalyticsQuery]:
        _analyst(info)
        return [analytics_query_from(q) for q in run.catalogue(as_of or date.today())]

    @strawberry.field(
        description="Run one query of cypher/analytics/ by name (analyst, admin), with the "
        "parameters the model and schemes define filled in for `asOf` (default today); "
        "`params` gives or overrides the others. Same transaction, limits, stripping and audit "
        "as runCypher. Errors: NOT_FOUND, BAD_USER_INPUT, FORBIDDEN, LIMIT_EXCEEDED, "
        "UNAUTHENTICATED.",
        metadata=cost_hint(base=100),
    )
    async def run_analytics_query(
        self,
        info: Info[Context, None],
        name: str,
        params: JSON | None = None,
        as_of: date | None = None,
    ) -> CypherResult:
        given = _params(params)
        principal = _analyst(info)
        result = await run.run_analytics_query(
            info.context.executor,
            principal,
            name,
            given,
            as_of,
            _limits(info),
            personal_data=principal.role in PERSONAL_DATA_ROLES,
        )
        return result_from(result)

    @strawberry.field(
        description="The graph's node labels, relationship types and the properties analysts "
        "may read, derived from the declared model (graph/model/domain.yaml) and written out "
        "as docs/graph-model.md: what runCypher can match on. Errors: FORBIDDEN, "
        "UNAUTHENTICATED.",
        metadata=cost_hint(base=10),
    )
    def graph_model(self, info: Info[Context, None]) -> GraphModel:
        _analyst(info)
        return graph_model_from(readable.graph_model())
