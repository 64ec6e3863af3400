"""GraphQL execution with a fast path for plain leaf fields.

graphql-core resolves every field alike: a path object, a resolve-info object, the resolver, then
completion through the type checks. On the wide responses of this API (an entity card is ~500
fields, most of them names, roles and dates read straight off an object) that costs more than
the database. A field whose resolver is Strawberry's default attribute read, which takes no
arguments and returns a scalar or an enum, is here read and serialised inline; a null for a
non-null field, a missing attribute or a value its type refuses goes the ordinary way, so errors
are exactly graphql-core's. The schema has no `@stream`, so lists skip the per-list lookup of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from graphql import (
    GraphQLEnumType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    Undefined,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.execution.executor import StreamUsage
from graphql.pyutils import AwaitableOrValue, Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

_MISSING = object()


class _Leaf(NamedTuple):
    attr: str
    coerce: Callable[[Any], Any]
    non_null: bool


_PLANS: dict[int, tuple[GraphQLObjectType, dict[str, _Leaf]]] = {}


def _leaf_plan(schema: GraphQLSchema, parent: GraphQLObjectType) -> dict[str, _Leaf]:
    """The parent type's plain leaf fields, by field name (computed once per type)."""
    cached = _PLANS.get(id(parent))
    if cached is not None and cached[0] is parent:
        return cached[1]
    plan: dict[str, _Leaf] = {}
    for name, field in parent.fields.items():
        definition = field.extensions.get("strawberry-definition")
        if definition is None or field.args or not getattr(field.resolve, "_is_default", False):
            continue
        of_type, non_null = field.type, False
        if isinstance(of_type, GraphQLNonNull):
            of_type, non_null = of_type.of_type, True
        if isinstance(of_type, GraphQLScalarType | GraphQLEnumType):
            plan[name] = _Leaf(definition.python_name, of_type.coerce_output_value, non_null)
    _PLANS[id(parent)] = (parent, plan)
    return plan


class FastExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context with plain leaf fields completed inline."""

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        leaves = _leaf_plan(self.schema, parent_type)
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for response_name, field_details_list in grouped_field_set.items():
                leaf = leaves.get(field_details_list[0].node.name.value)
                if leaf is not None:
                    value = _leaf_value(leaf, source_value)
                    if value is not _MISSING:
                        results[response_name] = value
                        continue
                result = self.execute_field(
                    parent_type,
                    source_value,
                    field_details_list,
                    Path(path, response_name, parent_type.name),
                    position_context,
                )
                if result is not Undefined:
                    results[response_name] = result
                    if is_awaitable(result):
                        awaitable_fields.append(response_name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[f] for f in awaitable_fields])
            raise
        if not awaitable_fields:
            return results

        async def get_results() -> dict[str, Any]:
            if len(awaitable_fields) == 1:
                field = awaitable_fields[0]
                results[field] = await results[field]
            else:
                awaited = await gather_with_cancel(*(results[f] for f in awaitable_fields))
                results.update(zip(awaitable_fields, awaited, strict=True))
            return results

        return get_results()

    def get_stream_usage(
        self, field_details_list: FieldDetailsList, path: Path
    ) -> StreamUsage | None:
        if self.schema.get_directive("stream") is None:
            return None
        return super().get_stream_usage(field_details_list, path)  # pragma: no cover


def _leaf_value(leaf: _Leaf, source: Any) -> Any:
    """The completed value, or _MISSING when graphql-core must handle it (and report it)."""
    value = getattr(source, leaf.attr, _MISSING)
    if value is _MISSING:
        return _MISSING
    if value is None:
        return _MISSING if leaf.non_null else None
    try:
        coerced = leaf.coerce(value)
    except Exception:  # graphql-core raises it again, located, on the ordinary path
        return _MISSING
    return _MISSING if coerced is None or coerced is Undefined else coerced
