"""Cost limit: a static estimate of what an operation will fetch, rejected above MAX_QUERY_COST.

Depth and alias limits do not see the real danger of a graph API: nested pages multiply. The
estimate runs with the other validation rules, before any resolver, on the executed operation
with its variables resolved:

* a field costs its *base*, 1 unless declared otherwise;
* a field with a `first` argument (a page or a connection) multiplies the cost of its subtree
  by `first`: the literal, else the variable, else the variable's default, else the argument's
  default; `first: 0` still counts the subtree once. The lists directly inside a connection
  (`edges`) are not multiplied again;
* a list field without `first` multiplies by its declared multiplier, else by
  `default_list_size` (MAX_PAGE_SIZE: the most a page may hold);
* so a field costs `base + multiplier × (cost of its selections)`, and a selection set costs the
  sum of its fields, inline fragments and fragment spreads (the branches for different types are
  summed, not maxed: an overestimate). Each fragment is costed once and reused, and a spread
  closing a fragment cycle costs nothing (validation rejects the cycle), so no document makes
  the estimate slow;
* introspection fields cost 1 each, never multiplied (their nesting has its own limit).

Every selection costs at least 1, so the cost is never below the number of field selections
once fragments are expanded (`api.extensions.rules.limited` relies on it).

Declaring a cost. An expensive traversal declares a higher base, and a list that is known to be
short a smaller multiplier, in its field's metadata:

    @strawberry.field(description="…", metadata=cost_hint(base=50))
    async def related_parties(self, …) -> Connection[RelatedParty]: …

or in a registry keyed by "Type.field" (GraphQL names, the type the field is selected on),
which wins over the metadata: `CostLimit(…, hints={"Query.relatedParties": CostHint(base=50)})`.

Variables are part of the estimate, so the result of this rule must not be cached per document
(do not combine it with strawberry's `ValidationCache`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    NamedTypeNode,
    OperationDefinitionNode,
    SchemaMetaFieldDef,
    SelectionSetNode,
    TypeMetaFieldDef,
    TypeNameMetaFieldDef,
    ValidationRule,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension

from api.extensions.rules import limit_error
from api.extensions.validation_cache import WholeDocumentRule

PAGE_ARGUMENT = "first"
COST_METADATA_KEY = "cost"
STRAWBERRY_DEFINITION = "strawberry-definition"  # where strawberry keeps a field's definition
MAX_SAFE_INTEGER = 2**53 - 1  # what a JavaScript client can read back exactly

META_FIELDS: Mapping[str, GraphQLField] = {
    "__schema": SchemaMetaFieldDef,
    "__type": TypeMetaFieldDef,
    "__typename": TypeNameMetaFieldDef,
}


@dataclass(frozen=True)
class CostHint:
    """A field's declared cost: `base` for the field itself, `multiplier` for a list's length.

    `multiplier` applies to a list field without `first` (or when `first` is unknown).
    """

    base: int = 1
    multiplier: int | None = None

    def __post_init__(self) -> None:
        if self.base < 1 or (self.multiplier is not None and self.multiplier < 1):
            raise ValueError(f"a cost hint needs base ≥ 1 and multiplier ≥ 1, got {self}")


DEFAULT_HINT = CostHint()


def cost_hint(base: int = 1, multiplier: int | None = None) -> dict[str, CostHint]:
    """Field metadata declaring a cost: `strawberry.field(metadata=cost_hint(base=50))`."""
    return {COST_METADATA_KEY: CostHint(base=base, multiplier=multiplier)}


def query_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    *,
    default_list_size: int,
    variables: Mapping[str, Any] | None = None,
    operation_name: str | None = None,
    hints: Mapping[str, CostHint] | None = None,
) -> int:
    """The estimated cost of the operation that would run (the costliest one if unclear)."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    named = [o for o in operations if o.name is not None and o.name.value == operation_name]
    estimate = _Estimate(schema, document, default_list_size, variables or {}, hints or {})
    return max((estimate.operation(o) for o in named or operations), default=0)


class CostLimit(SchemaExtension):
    """Reject operations whose estimated cost exceeds `max_cost` (`limitName` cost).

    The error's extensions carry `cost` besides `limit`.
    """

    def __init__(
        self,
        max_cost: int,
        *,
        default_list_size: int,
        hints: Mapping[str, CostHint] | None = None,
    ) -> None:
        self.max_cost = max_cost
        self.default_list_size = default_list_size
        self.hints: Mapping[str, CostHint] = hints or {}

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        rule = self._rule(context.variables or {}, context.operation_name)
        context.validation_rules = (*context.validation_rules, rule)
        yield

    def _rule(
        self, variables: Mapping[str, Any], operation_name: str | None
    ) -> type[ValidationRule]:
        check = self._check

        class QueryCostRule(WholeDocumentRule):
            def leave_document(self, node: DocumentNode, *_args: Any) -> None:
                check(self, node, variables, operation_name)

        return QueryCostRule

    def _check(
        self,
        rule: ValidationRule,
        document: DocumentNode,
        variables: Mapping[str, Any],
        operation_name: str | None,
    ) -> None:
        limit = self.max_cost
        try:
            cost = query_cost(
                rule.context.schema,
                document,
                default_list_size=self.default_list_size,
                variables=variables,
                operation_name=operation_name,
                hints=self.hints,
            )
        except RecursionError:
            rule.report_error(
                limit_error("The operation nests too deeply to estimate.", "cost", limit)
            )
            return
        if cost > limit:
            rule.report_error(
                limit_error(
                    f"The operation's estimated cost is {cost}, above the limit of {limit}: "
                    "ask for smaller pages (`first`) or fewer nested lists.",
                    "cost",
                    limit,
                    cost=min(cost, MAX_SAFE_INTEGER),
                )
            )


class _Estimate:
    """The cost of the operations of one document, with one variables mapping."""

    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        default_list_size: int,
        variables: Mapping[str, Any],
        hints: Mapping[str, CostHint],
    ) -> None:
        self.schema = schema
        self.default_list_size = default_list_size
        self.variables = variables
        self.hints = hints
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.defaults: dict[str, Any] = {}
        self.memo: dict[tuple[str, bool, bool], int] = {}
        self.in_progress: set[str] = set()

    def operation(self, operation: OperationDefinitionNode) -> int:
        self.defaults = {
            v.variable.name.value: value_from_ast_untyped(v.default_value)
            for v in operation.variable_definitions or ()
            if v.default_value is not None
        }
        self.memo.clear()  # fragment costs depend on the operation's variable defaults
        root = self.schema.get_root_type(operation.operation)
        return self.selections(operation.selection_set, root, False, False)

    def selections(
        self,
        selection_set: SelectionSetNode,
        parent: GraphQLNamedType | None,
        introspection: bool,
        in_connection: bool,
    ) -> int:
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, introspection, in_connection)
            elif isinstance(selection, InlineFragmentNode):
                condition = self.named_type(selection.type_condition) or parent
                total += self.selections(
                    selection.selection_set, condition, introspection, in_connection
                )
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value, introspection, in_connection)
        return total

    def fragment(self, name: str, introspection: bool, in_connection: bool) -> int:
        key = (name, introspection, in_connection)
        if key in self.memo:
            return self.memo[key]
        fragment = self.fragments.get(name)
        if fragment is None or name in self.in_progress:
            return 0
        self.in_progress.add(name)
        try:
            cost = self.selections(
                fragment.selection_set,
                self.named_type(fragment.type_condition),
                introspection,
                in_connection,
            )
        finally:
            self.in_progress.discard(name)
        self.memo[key] = cost
        return cost

    def field(
        self,
        node: FieldNode,
        parent: GraphQLNamedType | None,
        introspection: bool,
        in_connection: bool,
    ) -> int:
        name = node.name.value
        introspection = introspection or name.startswith("__")
        definition = self.field_definition(parent, name)
        children = node.selection_set
        if definition is None or parent is None:  # unknown: validation reports it
            below = self.selections(children, None, introspection, False) if children else 0
            return 1 + below
        hint = self.hint(parent, name, definition)
        if children is None:
            return hint.base
        is_list = is_list_type(get_nullable_type(definition.type))
        child_in_connection = False
        if introspection:
            multiplier = 1
        elif PAGE_ARGUMENT in definition.args:
            multiplier = self.page_size(node, definition, hint)
            child_in_connection = not is_list
        elif is_list and not in_connection:
            multiplier = hint.multiplier or self.default_list_size
        else:
            multiplier = 1
        child_type = get_named_type(definition.type)
        below = self.selections(children, child_type, introspection, child_in_connection)
        return hint.base + multiplier * below

    def page_size(self, node: FieldNode, definition: GraphQLField, hint: CostHint) -> int:
        value: Any = None
        for argument in node.arguments or ():
            if argument.name.value != PAGE_ARGUMENT:
                continue
            if isinstance(argument.value, VariableNode):
                variable = argument.value.name.value
                value = self.variables.get(variable, self.defaults.get(variable))
            else:
                value = value_from_ast_untyped(argument.value)
        if value is None:
            value = definition.args[PAGE_ARGUMENT].default_value
        if isinstance(value, int) and not isinstance(value, bool):
            return max(value, 1)
        return hint.multiplier or self.default_list_size

    def hint(self, parent: GraphQLNamedType, name: str, definition: GraphQLField) -> CostHint:
        registered = self.hints.get(f"{parent.name}.{name}")
        if registered is not None:
            return registered
        strawberry_field = (definition.extensions or {}).get(STRAWBERRY_DEFINITION)
        declared = (getattr(strawberry_field, "metadata", None) or {}).get(COST_METADATA_KEY)
        return declared if isinstance(declared, CostHint) else DEFAULT_HINT

    def field_definition(self, parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
        if name in META_FIELDS:
            return META_FIELDS[name]
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            field: GraphQLField | None = parent.fields.get(name)
            return field
        return None

    def named_type(self, node: NamedTypeNode | None) -> GraphQLNamedType | None:
        return self.schema.get_type(node.name.value) if node is not None else None
