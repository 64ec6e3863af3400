"""The root schema: each domain's queries and mutations merged, plus the schema extensions."""

from __future__ import annotations

from pathlib import Path

from graphql.error import GraphQLError
from strawberry import Schema
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from api.extensions.errors import CodedErrors
from resolvers.subjects.mutations import SubjectMutations
from resolvers.subjects.queries import SubjectQueries

Query = merge_types("Query", (SubjectQueries,))
Mutation = merge_types("Mutation", (SubjectMutations,))


class CreditGraphSchema(Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """`CodedErrors` logs the unexpected errors; expected ones are not worth a log line."""


schema = CreditGraphSchema(query=Query, mutation=Mutation, extensions=[CodedErrors])

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema.graphql"


def schema_sdl() -> str:
    """The schema as committed in `schema.graphql` (a test fails when they differ)."""
    return schema.as_str() + "\n"
