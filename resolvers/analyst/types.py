"""GraphQL types of analyst Cypher: a query's rows as JSON, and the catalogue of analytics files."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from api.extensions.cost import cost_hint
from graph.analyst.run import AnalyticsQuery as AnalyticsQueryData
from graph.analyst.run import QueryResult


@strawberry.type(
    description="The rows of an analyst query, read in a transaction that was rolled back. "
    "Nodes are {labels, properties}, relationships {type, properties}, paths the list of their "
    "nodes and relationships, temporal values ISO 8601 strings. Protected personal data is "
    "never included."
)
class CypherResult:
    columns: list[str] = strawberry.field(description="Column names, in the query's order.")
    rows: list[JSON] = strawberry.field(
        description="One JSON list per row, its values in column order."
    )
    row_count: int = strawberry.field(description="Rows returned.")
    truncated: bool = strawberry.field(
        description="True when the query had more rows than `maxRows`; the rest were not read."
    )
    max_rows: int = strawberry.field(description="The row cap (RUN_CYPHER_MAX_ROWS).")
    redacted: int = strawberry.field(
        description="Values withheld because they would reveal protected personal data."
    )
    audit_event_id: strawberry.ID = strawberry.field(
        description="The audit event that records this query."
    )


def result_from(r: QueryResult) -> CypherResult:
    return CypherResult(
        columns=r.columns,
        rows=[JSON(row) for row in r.rows],
        row_count=len(r.rows),
        truncated=r.truncated,
        max_rows=r.max_rows,
        redacted=r.redactions,
        audit_event_id=strawberry.ID(r.audit_event_id),
    )


@strawberry.type(description="A parameter of an analytics query, from its file's header.")
class AnalyticsParam:
    name: str = strawberry.field(description="Parameter name, as used after $ in the file.")
    type: str = strawberry.field(description="Declared Cypher type, e.g. DATE or LIST<STRING>.")
    description: str = strawberry.field(description="What it means.")
    default: JSON | None = strawberry.field(
        description="The value used when none is given (from the model and schemes, for "
        "`asOf`), or null when it must be given."
    )


@strawberry.type(description="A documented query of cypher/analytics/ (docs/analytics.md).")
class AnalyticsQuery:
    name: str = strawberry.field(description="Name to pass to runAnalyticsQuery.")
    description: str = strawberry.field(description="What it answers, from the file's header.")
    params: list[AnalyticsParam] = strawberry.field(
        description="Its parameters.", metadata=cost_hint(multiplier=15)
    )
    returns: list[str] = strawberry.field(
        description="Its result columns.", metadata=cost_hint(multiplier=15)
    )


def analytics_query_from(q: AnalyticsQueryData) -> AnalyticsQuery:
    return AnalyticsQuery(
        name=q.name,
        description=q.description,
        params=[
            AnalyticsParam(name=p.name, type=p.type, description=p.description, default=p.default)
            for p in q.params
        ],
        returns=q.returns,
    )
