"""The root schema: each domain's queries and mutations merged, plus the schema extensions."""

from __future__ import annotations

from pathlib import Path

from graphql.error import GraphQLError
from strawberry import Schema
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from api.execution import FastExecutionContext
from api.extensions.auth import Authorization
from api.extensions.bundle import bundle
from api.extensions.errors import CodedErrors, mask_escaped
from api.extensions.grammar import SpecGrammar
from api.extensions.introspection import IntrospectionSwitch
from api.extensions.limits import limit_extensions
from api.extensions.parse_cache import CachedParse
from api.extensions.validation_cache import DocumentValidationCache
from api.observability.tracing import ObservedOperation
from resolvers.alerts.resolvers import AlertMutations, AlertQueries, AlertSubscriptions
from resolvers.analyst.queries import AnalystQueries
from resolvers.audit.queries import AuditQueries
from resolvers.records.mutations import RecordMutations
from resolvers.records.queries import RecordQueries
from resolvers.records.types import RECORD_TYPES
from resolvers.risk.mutations import RiskMutations
from resolvers.risk.queries import RiskQueries
from resolvers.sanctions.mutations import SanctionMutations
from resolvers.sanctions.notices import NoticeMutations, NoticeQueries
from resolvers.sanctions.queries import SanctionQueries
from resolvers.stats.queries import StatsQueries
from resolvers.subjects.mutations import SubjectMutations
from resolvers.subjects.queries import SubjectQueries
from resolvers.subjects.types import SUBJECT_TYPES

Query = merge_types(
    "Query",
    (
        SubjectQueries,
        RecordQueries,
        StatsQueries,
        SanctionQueries,
        NoticeQueries,
        RiskQueries,
        AuditQueries,
        AnalystQueries,
        AlertQueries,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        SubjectMutations,
        RecordMutations,
        SanctionMutations,
        NoticeMutations,
        RiskMutations,
        AlertMutations,
    ),
)

Subscription = merge_types("Subscription", (AlertSubscriptions,))


class CreditGraphSchema(Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """`CodedErrors` logs the unexpected errors; expected ones are not worth a log line.

        Errors raised out of the extensions' reach (an exception while parsing or validating)
        arrive only here: they are masked like the rest.
        """
        mask_escaped(errors)


# Implementations of interfaces that no field names directly must still be in the schema.
TYPES = [*SUBJECT_TYPES, *RECORD_TYPES]

schema = CreditGraphSchema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    types=TYPES,
    execution_context_class=FastExecutionContext,
    extensions=[
        ObservedOperation,  # first: its span and its record of error codes enclose the rest
        CodedErrors,
        # What the operation may be (grammar, introspection, limits) and its parse: one bundle.
        bundle(SpecGrammar, IntrospectionSwitch, *limit_extensions(), CachedParse),
        Authorization,
        DocumentValidationCache,
    ],
)

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema.graphql"


def schema_sdl() -> str:
    """The schema as committed in `schema.graphql` (a test fails when they differ)."""
    return schema.as_str() + "\n"
