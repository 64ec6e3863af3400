"""GraphQL execution with a fast path for plain fields.

graphql-core resolves every field alike: a path object, a resolve-info object, the resolver, then
completion through the type checks. On the wide responses of this API (an entity card is ~500
fields, most of them names, roles and dates read straight off an object) that costs more than
the database. A *plain* field is one whose resolver is Strawberry's default attribute read and
which takes no arguments:
* a plain leaf (scalar or enum) is read and serialised inline; a null for a non-null field, a
  missing attribute or a value its type refuses goes the ordinary way, so errors are exactly
  graphql-core's;
* any other plain field (a connection's `edges`, an edge's `node`, `pageInfo`) is read inline and
  completed by `_complete`, graphql-core's completion without the per-field resolve info: the
  same null, list, leaf, abstract-type and `is_type_of` rules, the same error handling per field
  and per list item; anything unusual (a non-list iterable, an awaitable runtime type) is handed
  to graphql-core's own `complete_value`.
A field with a Strawberry resolver and no field extensions is called directly (`_Call`): its
arguments are coerced and converted once per field of the query, not once per parent object
(an entity card asks `listEntries(first: 10)` of ~100 organisations), then graphql-core
completes the result as usual. The schema has no `@stream`, so lists skip the per-list lookup
of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, cast

from graphql import (
    GraphQLAbstractType,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
    Undefined,
    UndefinedType,
    get_argument_values,
    get_named_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.execution.executor import StreamUsage, invalid_return_type_error, to_nodes
from graphql.pyutils import AwaitableOrValue, Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.arguments import convert_arguments
from strawberry.types.cast import get_strawberry_type_cast
from strawberry.types.field import StrawberryField

_MISSING = object()


class _Leaf(NamedTuple):
    attr: str
    coerce: Callable[[Any], Any]
    non_null: bool


class _Plain(NamedTuple):
    """A plain field of object, interface or list type: read inline, completed by `_complete`."""

    attr: str
    type: GraphQLOutputType


_PLANS: dict[int, tuple[GraphQLObjectType, dict[str, _Leaf | _Plain]]] = {}


class _Call(NamedTuple):
    """A field resolved by calling its Strawberry resolver directly (see the module doc)."""

    field_def: GraphQLField
    field: StrawberryField
    self_param: bool
    info_name: str | None
    source_names: tuple[str, ...]  # `root` / `parent` parameters
    cacheable: bool  # every argument is a scalar or an enum (or a list of them)


_CALLS: dict[tuple[int, str], tuple[GraphQLObjectType, _Call | None]] = {}


def _call_plan(schema: GraphQLSchema, parent: GraphQLObjectType, name: str) -> _Call | None:
    """How to call this field's resolver directly, or None for graphql-core's own path."""
    cached = _CALLS.get((id(parent), name))
    if cached is not None and cached[0] is parent:
        return cached[1]
    field_def = parent.fields.get(name)
    definition = field_def.extensions.get("strawberry-definition") if field_def else None
    strawberry_schema = getattr(schema, "_strawberry_schema", None)
    call = None
    if (
        field_def is not None
        and isinstance(definition, StrawberryField)
        and definition.base_resolver is not None
        and not definition.extensions
        and strawberry_schema is not None
        and not strawberry_schema.schema_converter.exception_handlers
    ):
        resolver = definition.base_resolver
        args = field_def.args.values()
        sources = (resolver.parent_parameter, resolver.root_parameter)
        call = _Call(
            field_def,
            definition,
            resolver.self_parameter is not None,
            resolver.info_parameter.name if resolver.info_parameter else None,
            tuple(p.name for p in sources if p is not None),
            all(isinstance(get_named_type(a.type), GraphQLLeafType) for a in args),
        )
    _CALLS[(id(parent), name)] = (parent, call)
    return call


def _field_plan(schema: GraphQLSchema, parent: GraphQLObjectType) -> dict[str, _Leaf | _Plain]:
    """The parent type's plain fields, by field name (computed once per type)."""
    cached = _PLANS.get(id(parent))
    if cached is not None and cached[0] is parent:
        return cached[1]
    plan: dict[str, _Leaf | _Plain] = {}
    for name, field in parent.fields.items():
        definition = field.extensions.get("strawberry-definition")
        if (
            definition is None
            or field.args
            or not definition.is_basic_field  # no resolver, no field extensions
            or definition.default_resolver is not getattr
            or not getattr(field.resolve, "_is_default", False)  # no exception handlers
        ):
            continue
        of_type, non_null = field.type, False
        if isinstance(of_type, GraphQLNonNull):
            of_type, non_null = of_type.of_type, True
        if isinstance(of_type, GraphQLScalarType | GraphQLEnumType):
            plan[name] = _Leaf(definition.python_name, of_type.coerce_output_value, non_null)
        else:
            plan[name] = _Plain(definition.python_name, field.type)
    _PLANS[id(parent)] = (parent, plan)
    return plan


class FastExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context with plain fields completed inline and resolvers called
    directly (see the module doc)."""

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> AwaitableOrValue[Any] | UndefinedType:
        call = None
        # A subscription's root field is resolved per event by graphql-core (the event itself),
        # not by calling the generator again: leave it to graphql-core.
        plain = self.middleware_manager is None or not self.middleware_manager.middlewares
        if plain and parent_type is not self.schema.subscription_type:
            call = _call_plan(self.schema, parent_type, field_details_list[0].node.name.value)
        if call is None:
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        # graphql-core's execute_field, with the resolver called as `_Call` says.
        return_type = call.field_def.type
        info = self.build_resolve_info(
            call.field_def, to_nodes(field_details_list), parent_type, path
        )
        try:
            result = self._call(call, source, info, field_details_list)
            if self.is_awaitable(result):
                return self.complete_awaitable_value(
                    return_type, field_details_list, info, path, result, position_context
                )
            completed = self.complete_value(
                return_type, field_details_list, info, path, result, position_context
            )
            if self.is_awaitable(completed):
                return self._await_located(completed, return_type, field_details_list, path)
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None
        return completed

    def _call(
        self,
        call: _Call,
        source: Any,
        info: GraphQLResolveInfo[Any],
        field_details_list: FieldDetailsList,
    ) -> Any:
        """Strawberry's resolver call (arguments converted, `self`/`info`/`root` passed)."""
        converter = self.schema._strawberry_schema.schema_converter  # type: ignore[attr-defined]
        strawberry_info = converter.config.info_class(_raw_info=info, _field=call.field)
        details = field_details_list[0]
        node = details.node
        cache: dict[int, tuple[Any, dict[str, Any]]] = self.__dict__.setdefault("_arguments", {})
        cached = cache.get(id(node)) if details.fragment_variable_values is None else None
        if cached is not None:
            kwargs = dict(cached[1])
        else:
            raw = (
                get_argument_values(
                    call.field_def,
                    node,
                    self.variable_values,
                    details.fragment_variable_values,
                    self.hide_suggestions,
                )
                if call.field_def.args or node.arguments
                else {}
            )
            kwargs = convert_arguments(
                raw,
                call.field.arguments,
                scalar_registry=converter.scalar_registry,
                config=converter.config,
                info=strawberry_info,
            )
            if call.cacheable and details.fragment_variable_values is None:
                cache[id(node)] = (node, dict(kwargs))  # the node kept alive: its id stays its own
        args = [source] if call.self_param else []
        for name in call.source_names:
            kwargs[name] = source
        if call.info_name is not None:
            kwargs[call.info_name] = strawberry_info
        return call.field.get_result(source, info=strawberry_info, args=args, kwargs=kwargs)

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        plan = _field_plan(self.schema, parent_type)
        results: dict[str, Any] = {}
        is_awaitable = self.is_awaitable
        awaitable_fields: list[str] = []
        try:
            for response_name, field_details_list in grouped_field_set.items():
                field = plan.get(field_details_list[0].node.name.value)
                if field is not None:
                    if isinstance(field, _Leaf):
                        value = _leaf_value(field, source_value)
                        if value is not _MISSING:
                            results[response_name] = value
                            continue
                    else:
                        value = getattr(source_value, field.attr, _MISSING)
                        if value is not _MISSING:
                            result = self._plain_field(
                                parent_type,
                                field.type,
                                field_details_list,
                                Path(path, response_name, parent_type.name),
                                value,
                            )
                            results[response_name] = result
                            if is_awaitable(result):
                                awaitable_fields.append(response_name)
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

    def _plain_field(
        self,
        parent_type: GraphQLObjectType,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        path: Path,
        value: Any,
    ) -> AwaitableOrValue[Any]:
        """`execute_field` for a plain field whose value is already read (same error rules)."""
        try:
            completed = self._complete(return_type, field_details_list, parent_type, path, value)
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None
        if not self.is_awaitable(completed):
            return completed
        return self._await_located(completed, return_type, field_details_list, path)

    def _info(
        self, parent_type: GraphQLObjectType, field_details_list: FieldDetailsList, path: Path
    ) -> GraphQLResolveInfo[Any]:
        """The resolve info graphql-core would have built for this field (only when needed)."""
        name = field_details_list[0].node.name.value
        field_def = parent_type.fields[name]
        return self.build_resolve_info(field_def, to_nodes(field_details_list), parent_type, path)

    def _complete(
        self,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        parent_type: GraphQLObjectType,
        path: Path,
        result: Any,
    ) -> AwaitableOrValue[Any]:
        """graphql-core's `complete_value` for a plain field's value (see the module doc)."""
        if isinstance(result, Exception):
            raise result
        if isinstance(return_type, GraphQLNonNull):
            completed = self._complete(
                return_type.of_type, field_details_list, parent_type, path, result
            )
            if completed is None:
                name = field_details_list[0].node.name.value
                msg = f"Cannot return null for non-nullable field {parent_type}.{name}."
                raise TypeError(msg)
            return completed
        if result is None or result is Undefined:
            return None
        if isinstance(return_type, GraphQLList):
            if not isinstance(result, list | tuple):
                return self._ordinary(return_type, field_details_list, parent_type, path, result)
            return self._complete_list(
                return_type.of_type, field_details_list, parent_type, path, result
            )
        if isinstance(return_type, GraphQLScalarType | GraphQLEnumType):
            return self.complete_leaf_value(return_type, result)
        if isinstance(return_type, GraphQLInterfaceType | GraphQLUnionType):
            return self._complete_abstract(
                return_type, field_details_list, parent_type, path, result
            )
        assert isinstance(return_type, GraphQLObjectType)
        return self._complete_object(return_type, field_details_list, parent_type, path, result)

    def _ordinary(
        self,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        parent_type: GraphQLObjectType,
        path: Path,
        result: Any,
    ) -> AwaitableOrValue[Any]:
        info = self._info(parent_type, field_details_list, path)
        return self.complete_value(return_type, field_details_list, info, path, result, None)

    def _complete_list(
        self,
        item_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        parent_type: GraphQLObjectType,
        path: Path,
        items: list[Any] | tuple[Any, ...],
    ) -> AwaitableOrValue[list[Any]]:
        is_awaitable = self.is_awaitable
        completed: list[Any] = []
        awaitable: list[int] = []
        try:
            for index, item in enumerate(items):
                item_path = path.add_key(index, None)
                if is_awaitable(item):  # graphql-core's own path for an awaitable item
                    info = self._info(parent_type, field_details_list, path)
                    completed.append(
                        self.complete_awaitable_list_item_value(
                            item, item_type, field_details_list, info, item_path, None
                        )
                    )
                    awaitable.append(index)
                    continue
                try:
                    value = self._complete(
                        item_type, field_details_list, parent_type, item_path, item
                    )
                except Exception as raw_error:  # raised again for a non-null item type
                    self.handle_field_error(raw_error, item_type, field_details_list, item_path)
                    completed.append(None)
                    continue
                if is_awaitable(value):
                    completed.append(
                        self._await_located(value, item_type, field_details_list, item_path)
                    )
                    awaitable.append(index)
                else:
                    completed.append(value)
        except Exception:
            if awaitable:  # as graphql-core does: nothing started is left unawaited
                self.settle_in_background([completed[i] for i in awaitable])
            raise
        if not awaitable:
            return completed

        async def get_completed() -> list[Any]:
            if len(awaitable) == 1:
                completed[awaitable[0]] = await completed[awaitable[0]]
            else:
                done = await gather_with_cancel(*(completed[i] for i in awaitable))
                for index, value in zip(awaitable, done, strict=True):
                    completed[index] = value
            return completed

        return get_completed()

    async def _await_located(
        self,
        value: Any,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        path: Path,
    ) -> Any:
        """Await a field's (or list item's) completion; an error is located and handled there,
        as graphql-core's own `await_completed` closures do."""
        try:
            return await value
        except Exception as raw_error:
            self.handle_field_error(raw_error, return_type, field_details_list, path)
            return None

    def _complete_abstract(
        self,
        return_type: GraphQLAbstractType,
        field_details_list: FieldDetailsList,
        parent_type: GraphQLObjectType,
        path: Path,
        result: Any,
    ) -> AwaitableOrValue[Any]:
        by_class = _by_class(return_type.resolve_type, result)
        if by_class:
            known = _RUNTIME.get((id(return_type), type(result)))
            if known is not None and known[0] is return_type:
                return self._complete_object(
                    known[1], field_details_list, parent_type, path, result
                )
        info = self._info(parent_type, field_details_list, path)
        resolve_type = return_type.resolve_type or self.type_resolver
        runtime_name = resolve_type(result, info, return_type)
        if self.is_awaitable(runtime_name):  # not in this schema: graphql-core's path
            return self.complete_value(return_type, field_details_list, info, path, result, None)
        runtime_type = self.ensure_valid_runtime_type(
            runtime_name, return_type, field_details_list, info, result
        )
        if by_class and runtime_name == _definition_name(result):  # the class decided
            _RUNTIME[(id(return_type), type(result))] = (return_type, runtime_type)
        return self._complete_object(
            runtime_type, field_details_list, parent_type, path, result, info
        )

    def _complete_object(
        self,
        return_type: GraphQLObjectType,
        field_details_list: FieldDetailsList,
        parent_type: GraphQLObjectType,
        path: Path,
        result: Any,
        info: GraphQLResolveInfo[Any] | None = None,
    ) -> AwaitableOrValue[Any]:
        is_type_of = return_type.is_type_of
        if is_type_of:
            by_class = _by_class(is_type_of, result)
            key = (id(return_type), type(result))
            if not (by_class and _TYPE_OF.get(key) is return_type):
                info = info or self._info(parent_type, field_details_list, path)
                matches = is_type_of(result, info)
                if self.is_awaitable(matches):  # not in this schema: graphql-core's path
                    return self.complete_object_value(
                        return_type, field_details_list, info, path, result, None
                    )
                if not matches:
                    raise invalid_return_type_error(return_type, result, field_details_list)
                if by_class:
                    _TYPE_OF[key] = return_type
        grouped_field_set = self.collect_subfields(return_type, field_details_list)[0]
        return self.execute_fields(return_type, result, path, grouped_field_set, None)

    def get_stream_usage(
        self, field_details_list: FieldDetailsList, path: Path
    ) -> StreamUsage | None:
        if self.schema.get_directive("stream") is None:
            return None
        return super().get_stream_usage(field_details_list, path)  # pragma: no cover


# Strawberry's own `resolve_type` and `is_type_of` (those it writes for a type without its own)
# answer from the object's class alone, unless the object is cast (`strawberry.cast`): their
# answers are kept per (abstract or object type, class), sparing a resolve info per object.
_STRAWBERRY_MODULE = "strawberry.schema.schema_converter"
_RUNTIME: dict[tuple[int, type], tuple[GraphQLAbstractType, GraphQLObjectType]] = {}
_TYPE_OF: dict[tuple[int, type], GraphQLObjectType] = {}


def _by_class(decide: Callable[..., Any] | None, result: Any) -> bool:
    """Whether `decide` (a type's resolve_type or is_type_of) answers from `result`'s class."""
    return (
        decide is not None
        and getattr(decide, "__module__", None) == _STRAWBERRY_MODULE
        and get_strawberry_type_cast(result) is None
    )


def _definition_name(result: Any) -> str | None:
    """The name of the Strawberry type `result`'s class defines (None when not one, or generic)."""
    definition = getattr(type(result), "__strawberry_definition__", None)
    if definition is None or definition.is_graphql_generic:
        return None
    return cast(str, definition.name)


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
