"""Depth limit: strawberry's `QueryDepthLimiter`, plus graphql-core's introspection depth rule.

`QueryDepthLimiter` does not count introspection fields (`__schema`, `__type`), under which a
query can nest `fields { type { fields { … } } }` and grow exponentially. graphql-core's
`MaxIntrospectionDepthRule` (among its default rules) bounds that nesting to three levels of
list fields, which GraphiQL's own introspection query stays well within; this extension has it
report LIMIT_EXCEEDED as well.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from graphql import ASTValidationRule
from graphql.validation import MaxIntrospectionDepthRule
from graphql.validation.rules.max_introspection_depth_rule import MAX_LIST_DEPTH
from strawberry.extensions import QueryDepthLimiter, SchemaExtension

from api.extensions.rules import limited
from api.extensions.validation_cache import document_only

INTROSPECTION_DEPTH_RULE = document_only(
    limited(MaxIntrospectionDepthRule, "introspectionDepth", MAX_LIST_DEPTH)
)


class DepthLimit(SchemaExtension):
    """Reject operations nested deeper than `max_depth` with LIMIT_EXCEEDED (`limitName` depth).

    `max_selections`: see `api.extensions.rules.limited` (pass the cost limit).
    """

    def __init__(self, max_depth: int, *, max_selections: int | None = None) -> None:
        self.max_depth = max_depth
        self.depth_rule = _depth_rule(max_depth, max_selections)

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        rules = [r for r in context.validation_rules if r is not MaxIntrospectionDepthRule]
        context.validation_rules = (*rules, INTROSPECTION_DEPTH_RULE, self.depth_rule)
        yield


@lru_cache(maxsize=8)
def _depth_rule(max_depth: int, max_selections: int | None) -> type[ASTValidationRule]:
    (rule,) = QueryDepthLimiter(max_depth=max_depth).validation_rules
    return document_only(limited(rule, "depth", max_depth, max_selections=max_selections))
