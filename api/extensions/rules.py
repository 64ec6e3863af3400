"""Plumbing shared by the limit extensions: LIMIT_EXCEEDED errors and wrapped validation rules.

Strawberry's limiters report plain validation errors. `limited` wraps such a rule so that its
first error carries `extensions.code = "LIMIT_EXCEEDED"`, `limitName` and `limit` (further errors
of the same rule would only repeat it), and guards it: the depth and alias walks expand every
fragment spread afresh, which is exponential for a document whose fragments each spread the
previous one twice. `selection_count` measures that expansion in linear time, so a wrapped walk
can be skipped for a document the cost limit rejects anyway. The walks also crash (KeyError) on a
spread of a fragment the document does not define; they are skipped for such a document too, and
validation reports the unknown fragment.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any, cast

from graphql import (
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    Node,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
)

from graph.errors import LimitExceeded

LIMIT_EXCEEDED = LimitExceeded.code


def limit_error(
    message: str,
    name: str,
    limit: int,
    nodes: Collection[Node] | None = None,
    **details: Any,
) -> GraphQLError:
    """A client-facing error saying which limit the request exceeded, and the limit."""
    return GraphQLError(message, nodes, extensions=_limit_extensions(None, name, limit, details))


def mark_limit_error(error: GraphQLError, name: str, limit: int) -> GraphQLError:
    """Give an error reported by a third-party limiter our code and the limit (in place)."""
    error.extensions = _limit_extensions(error.extensions, name, limit, {})
    return error


def _limit_extensions(
    given: Mapping[str, Any] | None, name: str, limit: int, details: Mapping[str, Any]
) -> dict[str, Any]:
    return {**(given or {}), "code": LIMIT_EXCEEDED, "limitName": name, "limit": limit, **details}


class _LimitReporting:
    """A validation context whose first reported error becomes a limit error; the rest is dropped.

    Strawberry's limiters report through the context they are given, some of them once per
    offending branch; one error per limit is enough for a client.
    """

    def __init__(self, context: ValidationContext, name: str, limit: int) -> None:
        self._context = context
        self._name = name
        self._limit = limit
        self._reported = False

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._context, attribute)

    def report_error(self, error: GraphQLError) -> None:
        if not self._reported:
            self._reported = True
            self._context.report_error(mark_limit_error(error, self._name, self._limit))


def limited(
    rule: type[ASTValidationRule],
    name: str,
    limit: int,
    *,
    max_selections: int | None = None,
) -> type[ASTValidationRule]:
    """`rule`, reporting LIMIT_EXCEEDED with `limitName=name` and `limit`.

    With `max_selections`, the rule does not run on a document whose fragments expand to more
    field selections than that: pass the cost limit, which rejects such a document by itself
    (every selection costs at least 1), in linear time. Nor does it run on a document that
    spreads an undefined fragment (`KnownFragmentNamesRule` rejects that one).
    """

    class Limited(rule):  # type: ignore[valid-type,misc]
        def __init__(self, context: ValidationContext) -> None:
            reporting = _LimitReporting(context, name, limit)
            document = context.document
            if (
                max_selections is not None and selection_count(document) > max_selections
            ) or spreads_undefined_fragment(document):
                ASTValidationRule.__init__(self, context)
                return
            try:
                super().__init__(cast(ValidationContext, reporting))
            except RecursionError:
                ASTValidationRule.__init__(self, context)
                reporting.report_error(
                    GraphQLError("The operation nests its fragments too deeply to be checked.")
                )

    Limited.__name__ = Limited.__qualname__ = f"Limited{rule.__name__}"
    return Limited


def selection_count(document: DocumentNode) -> int:
    """Field selections of the document's operations with every fragment spread expanded.

    Linear in the size of the document: each fragment is counted once and reused, and a spread
    that closes a fragment cycle counts nothing (validation reports the cycle).
    """
    own: dict[str, tuple[int, list[str]]] = {
        d.name.value: _fields_and_spreads(d.selection_set)
        for d in document.definitions
        if isinstance(d, FragmentDefinitionNode)
    }
    counts: dict[str, int] = {}
    for root in own:
        if root in counts:
            continue
        # Depth-first over the spreads without recursion: a fragment's count is known once the
        # counts of the fragments it spreads are.
        path: list[tuple[str, Iterator[str]]] = [(root, iter(own[root][1]))]
        on_path = {root}
        while path:
            name, spreads = path[-1]
            spread = next((s for s in spreads if s in own and s not in counts), None)
            if spread is not None and spread not in on_path:
                path.append((spread, iter(own[spread][1])))
                on_path.add(spread)
            elif spread is None:
                fields, spread_names = own[name]
                counts[name] = fields + sum(counts.get(s, 0) for s in spread_names)
                path.pop()
                on_path.discard(name)
    total = 0
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            fields, top_spreads = _fields_and_spreads(definition.selection_set)
            total += fields + sum(counts.get(s, 0) for s in top_spreads)
    return total


def spreads_undefined_fragment(document: DocumentNode) -> bool:
    """True when a fragment spread names a fragment that the document does not define."""
    defined = {d.name.value for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    return any(
        spread not in defined
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode | FragmentDefinitionNode)
        for spread in _fields_and_spreads(definition.selection_set)[1]
    )


def _fields_and_spreads(selection_set: SelectionSetNode) -> tuple[int, list[str]]:
    """Fields written in a selection set (at any depth) and the fragments it spreads."""
    fields = 0
    spreads: list[str] = []
    stack = [selection_set]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FragmentSpreadNode):
                spreads.append(selection.name.value)
                continue
            if isinstance(selection, FieldNode):
                fields += 1
            nested = cast(Any, selection).selection_set
            if nested is not None:
                stack.append(nested)
    return fields, spreads
