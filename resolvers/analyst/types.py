"""GraphQL types of analyst Cypher: a query's rows as JSON, and the catalogue of analytics files."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from api.extensions.cost import cost_hint
from graph.analyst.run import AnalyticsQuery as AnalyticsQueryData
from graph.analyst.run import QueryResult
from graph.model import readable


@strawberry.type(
    description="The rows of an analyst query, read in a transaction that was rolled back. "
    "Nodes are {labels, properties}, relationships {type, properties}, paths the list of their "
    "nodes and relationships, temporal values ISO 8601 strings. Protected personal data is "
    "never included."
)
class CypherResult:
    columns: list[str] = strawberry.field(
        description="Column names, in the query's order; given for an empty result too (a "
        "typo in a label or property is then told from a query that found nothing by its "
        "columns; `graphModel` lists what exists)."
    )
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


@strawberry.type(description="A node label of the graph, with what a node under it may carry.")
class GraphLabel:
    name: str = strawberry.field(description="The label, as written in Cypher: (n:Enterprise).")
    description: str = strawberry.field(description="What it stands for (empty when plain).")
    also: list[str] = strawberry.field(
        description="Labels a node under this one always carries too (Enterprise: "
        "Organization, Subject)."
    )
    key: str | None = strawberry.field(description="The property that identifies a node.")
    properties: list[str] = strawberry.field(
        description="Properties an analyst may read (protected personal data never listed)."
    )


@strawberry.type(description="A relationship type of the graph: its ends and properties.")
class GraphRelationshipType:
    name: str = strawberry.field(description="The type, as written in Cypher: [:LISTED_AS].")
    description: str = strawberry.field(description="What it stands for (empty when plain).")
    from_: list[str] = strawberry.field(name="from", description="Labels at its start.")
    to: list[str] = strawberry.field(description="Labels at its end.")
    properties: list[str] = strawberry.field(description="Its properties.")


@strawberry.type(
    description="The graph's labels, relationship types and the properties analysts may read, "
    "derived from the declared model (graph/model/domain.yaml); the same as docs/graph-model.md."
)
class GraphModel:
    labels: list[GraphLabel] = strawberry.field(
        description="Node labels.", metadata=cost_hint(multiplier=40)
    )
    relationship_types: list[GraphRelationshipType] = strawberry.field(
        description="Relationship types.", metadata=cost_hint(multiplier=40)
    )
    document: str = strawberry.field(description="Where the same model is written for people.")


def graph_model_from(m: readable.GraphModel) -> GraphModel:
    return GraphModel(
        labels=[
            GraphLabel(
                name=x.name,
                description=x.description,
                also=list(x.also),
                key=x.key,
                properties=list(x.properties),
            )
            for x in m.labels
        ],
        relationship_types=[
            GraphRelationshipType(
                name=r.name,
                description=r.description,
                from_=list(r.start),
                to=list(r.end),
                properties=list(r.properties),
            )
            for r in m.relationship_types
        ],
        document=readable.DOC_PATH,
    )
