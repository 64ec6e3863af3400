"""Authorization: the permission matrix of `api/permissions.py`, enforced before any resolver runs,
and the audit of what a request changed or read.

Before execution:
* a bad token (`Context.auth_error`) refuses the request with UNAUTHENTICATED;
* every field the executed operation selects, through aliases, fragment spreads and inline
  fragments, is checked against the declarations: root fields (undeclared ones are allowed to
  nobody), guarded type fields (an interface's rule covers its implementations), the purpose a
  field needs, and the argument values a published-only role may not use. Any refusal refuses
  the whole operation (FORBIDDEN, or UNAUTHENTICATED for the anonymous public), one error per
  refused selection, and nothing runs. Fields under `@skip`/`@include` are checked too;
* a refused request of an authenticated caller is audited as REFUSED (anonymous ones are not,
  or anyone could fill the trail).

After execution, the personal data read in the request is audited in ONE event (who, role,
purpose, which persons, which fields, when). If that write fails, the data is withheld: each
`personalData` value in the response is replaced by null with an UNAVAILABLE error. A read that
cannot be recorded must not happen (docs/domain.md §8.6).

Mutations are not audited here: every mutation's service writes its audit event inside the
change's own transaction (graph/audit.py), so a change whose event cannot be written is not made.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import date
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    Undefined,
    get_named_type,
    get_operation_ast,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension

from api.auth import ANONYMOUS, Principal, require
from api.context import Context
from api.extensions.errors import MASKED_MESSAGE
from api.permissions import (
    VISIBILITY,
    Guards,
    require_personal_data,
    root_access,
    undeclared,
)
from graph import audit
from graph.errors import CreditGraphError, Forbidden, Unauthenticated, Unavailable

log = logging.getLogger("creditgraph.auth")

WITHHELD = "personal data withheld: its read could not be recorded in the audit trail"

_guards: dict[int, Guards] = {}


def guards_for(schema: GraphQLSchema) -> Guards:
    """The declarations indexed for `schema`, built (and checked) on first use."""
    found = _guards.get(id(schema))
    if found is None:
        missing = undeclared(schema)
        if missing:
            log.error(
                "root fields without a permission declaration, refused to everyone: %s",
                ", ".join(missing),
            )
        found = _guards[id(schema)] = Guards.of(schema)
    return found


def coded(error: CreditGraphError, nodes: list[FieldNode] | None = None) -> GraphQLError:
    """A GraphQL error carrying an expected error (CodedErrors gives it its code)."""
    return GraphQLError(error.message, nodes, original_error=error, extensions={"code": error.code})


def variables_of(
    operation: OperationDefinitionNode, given: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The operation's variables as sent, with the defaults the operation declares filled in."""
    values: dict[str, Any] = {}
    for definition in operation.variable_definitions or ():
        if definition.default_value is not None:
            values[definition.variable.name.value] = value_from_ast_untyped(
                definition.default_value
            )
    values.update(given or {})
    return values


class _Checker:
    """Walks the selections of one operation (fragments once each) and collects its refusals.

    A direct walk over the selection sets, tracking the parent type: graphql-core's generic
    visitor with TypeInfo costs milliseconds per document, this a fraction of that.
    """

    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        principal: Principal,
        variables: Mapping[str, Any],
        operation: OperationType,
    ) -> None:
        self.schema = schema
        self.principal = principal
        self.variables = dict(variables)
        self.operation = operation
        self.guards = guards_for(schema)
        self.visibility = VISIBILITY[principal.role]
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.walked: set[str] = set()
        self.refusals: dict[tuple[str, str], GraphQLError] = {}
        self.today = date.today()

    def walk(self, selection_set: SelectionSetNode, parent: GraphQLNamedType | None) -> None:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                self.field(selection, parent)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                self.walk(selection.selection_set, inner)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is not None and name not in self.walked:
                    self.walked.add(name)  # its checks depend only on its type condition
                    inner = self.schema.get_type(fragment.type_condition.name.value)
                    self.walk(fragment.selection_set, inner)

    def field(self, node: FieldNode, parent: GraphQLNamedType | None) -> None:
        name = node.name.value
        if name.startswith("__") or not isinstance(
            parent, GraphQLObjectType | GraphQLInterfaceType
        ):
            return  # introspection has its own switch; unions have only __typename
        field_def = parent.fields.get(name)
        if field_def is None:
            return  # validation has refused the document already
        coordinate = f"{parent.name}.{name}"
        if parent is self.schema.query_type or parent is self.schema.mutation_type:
            access = root_access(self.operation.value, name)
            if access is None:
                self._refuse(coordinate, node, Forbidden(f"{coordinate} is not open to any role"))
                return
            self._check_roles(coordinate, node, access.roles, access.purpose)
        for access in self.guards.fields.get((parent.name, name), ()):
            self._check_roles(coordinate, node, access.roles, access.purpose)
        if self.visibility.published_only:
            self._check_arguments(parent.name, coordinate, node, field_def)
        if node.selection_set is not None:
            self.walk(node.selection_set, get_named_type(field_def.type))

    def _check_roles(
        self, coordinate: str, node: FieldNode, roles: tuple[Any, ...], purpose: bool
    ) -> None:
        try:
            require(self.principal, *roles)
            if purpose:
                require_personal_data(self.principal)
        except (Forbidden, Unauthenticated) as exc:
            exc.details.setdefault("field", coordinate)
            self._refuse(coordinate, node, exc)

    def _check_arguments(
        self, parent: str, coordinate: str, node: FieldNode, field_def: GraphQLField
    ) -> None:
        hidden = self.guards.hidden.get((parent, node.name.value), ())
        if not hidden:
            return
        given = {a.name.value: a.value for a in node.arguments or ()}
        for rule in hidden:
            if rule.argument in given:
                value = value_from_ast_untyped(given[rule.argument], self.variables)
            elif rule.argument in field_def.args:
                default = field_def.args[rule.argument].default_value
                value = None if default is Undefined else default
            else:
                value = None
            if rule.refuses(value, self.today):
                self._refuse(
                    f"{coordinate}({rule.argument}:)",
                    node,
                    Forbidden(
                        f"{coordinate}(${rule.argument}) asks for {rule.reveals}, which the role "
                        f"{self.principal.role.value} may not see",
                        field=coordinate,
                        argument=rule.argument,
                    ),
                )

    def _refuse(self, key: str, node: FieldNode, error: CreditGraphError) -> None:
        self.refusals.setdefault((key, error.code), coded(error, [node]))


def refusals(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Mapping[str, Any],
    principal: Principal,
) -> list[GraphQLError]:
    """Every selection of `operation` the principal may not make, as coded errors."""
    checker = _Checker(schema, document, principal, variables, operation.operation)
    checker.walk(operation.selection_set, schema.get_root_type(operation.operation))
    return list(checker.refusals.values())


class Authorization(SchemaExtension):
    """Enforce `api/permissions.py` before execution; audit the personal data read after it."""

    def on_validate(self) -> Iterator[None]:
        error = getattr(self.execution_context.context, "auth_error", None)
        if isinstance(error, CreditGraphError):
            self.execution_context.pre_execution_errors = [coded(error)]
        yield

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context
        document = context.graphql_document
        operation = (
            get_operation_ast(document, context.operation_name) if document is not None else None
        )
        if document is None or operation is None:
            yield
            return
        principal = getattr(context.context, "principal", ANONYMOUS)
        schema: GraphQLSchema = context.schema._schema
        variables = variables_of(operation, context.variables)
        try:
            refused = refusals(schema, document, operation, variables, principal)
        except Exception:  # a bug here must not let the operation run unchecked
            log.exception("the permission check failed; the operation is refused")
            refused = [GraphQLError(MASKED_MESSAGE, extensions={"code": "INTERNAL"})]
        if refused:
            context.result = ExecutionResult(data=None, errors=refused)
            if isinstance(context.context, Context) and principal.token_id is not None:
                await self._audit_refusal(context.context, refused)
            yield
            return
        yield
        ctx = context.context
        result = context.result
        if not isinstance(ctx, Context) or not isinstance(result, ExecutionResult):
            return
        if ctx.personal_reads:
            await self._audit_reads(ctx, result)

    @staticmethod
    async def _audit_refusal(ctx: Context, refused: list[GraphQLError]) -> None:
        """An authenticated caller asked for what its role may not have: logged as REFUSED
        (anonymous callers are not, or anyone could fill the trail). Only the refused fields are
        digested, not the document: it may hold an ID number, and a digest of a guessable
        document would give it away."""
        coordinates = [
            str(e.original_error.details.get("field", "?"))
            for e in refused
            if isinstance(e.original_error, CreditGraphError)
        ]
        fields = [c.rpartition(".")[2] for c in coordinates]
        first = refused[0]
        code = (first.extensions or {}).get("code", "FORBIDDEN")
        try:
            await audit.record_refusal(
                ctx.executor,
                ctx.principal,
                ",".join(dict.fromkeys(fields)) or "unknown",
                {"refused": coordinates},
                [],
                f"{code}: {first.message}",
            )
        except Exception:
            log.exception("could not audit a refused request (it stays refused)")

    async def _audit_reads(self, ctx: Context, result: ExecutionResult) -> None:
        reads = ctx.personal_reads
        fields = {f for r in reads for f in r.fields}
        try:
            await audit.record_reads(ctx.executor, ctx.principal, [r.sid for r in reads], fields)
        except Exception:
            log.exception("personal-data read audit failed; the data is withheld")
            errors = list(result.errors or ())
            for read in reads:
                _null_at(result.data, read.path)
                errors.append(
                    GraphQLError(
                        WITHHELD, path=list(read.path), original_error=Unavailable(WITHHELD)
                    )
                )
            result.errors = errors


def _null_at(data: Any, path: tuple[str | int, ...]) -> None:
    """Set the response value at `path` to null (if its parents are still there)."""
    for part in path[:-1]:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return
    if isinstance(data, dict) and path and isinstance(path[-1], str) and path[-1] in data:
        data[path[-1]] = None
