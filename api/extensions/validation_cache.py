"""Validation rules that depend on the document alone, run once per document text.

The rules of the GraphQL specification (graphql-core's `specified_rules`) and our depth, alias
and introspection rules depend on the schema and the document only (their limits are part of
the rule class: `api.extensions.depth`, `api.extensions.aliases`), and a dashboard sends the
same few documents over and over; checking them costs more CPU than executing a small query.
A document that passed them is remembered (by schema, exact text and the set of those rules, in
a bounded LRU), and its later requests run only the other rules: the cost limit, which depends
on the variables, and whatever other extensions add. A document that failed is never
remembered, so its errors are always the full, freshly computed ones.

When the rules left are `WholeDocumentRule`s (the cost limit: one look at the document when the
walk leaves it), they are called directly, without graphql-core's walk of the document with
type information, which costs more than the rest of a `{ __typename }` request.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterator
from typing import Any, TypeVar, cast

from graphql import (
    ASTValidationRule,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    TypeInfo,
    ValidationContext,
    ValidationRule,
    specified_rules,
    validate,
)
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

R = TypeVar("R", bound=type[ASTValidationRule])
MAX_DOCUMENTS = 256
# Strawberry adds its own two rules to every validation (`strawberry.schema.validate_document`).
STRAWBERRY_RULES: tuple[type[ASTValidationRule], ...] = (
    MaybeNullValidationRule,
    OneOfInputValidationRule,
)
DOCUMENT_ONLY: set[type[ASTValidationRule]] = {*specified_rules, *STRAWBERRY_RULES}


class WholeDocumentRule(ValidationRule):
    """A rule that only looks at the whole document, in `leave_document` (no other visit)."""

    def leave_document(self, node: DocumentNode, *args: Any) -> None:
        """Check the document (what a subclass does)."""


def document_only(rule: R) -> R:
    """Declare that `rule`'s verdict depends on the schema and the document alone."""
    DOCUMENT_ONLY.add(rule)
    return rule


class _ValidDocuments:
    """Keys of documents that passed their document-only rules, least recently used first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._keys: OrderedDict[Hashable, None] = OrderedDict()

    def __contains__(self, key: Hashable) -> bool:
        if key in self._keys:
            self._keys.move_to_end(key)
            return True
        return False

    def add(self, key: Hashable) -> None:
        self._keys[key] = None
        if len(self._keys) > self.size:
            self._keys.popitem(last=False)


VALID = _ValidDocuments(MAX_DOCUMENTS)


def _whole_document(
    schema: GraphQLSchema, document: DocumentNode, rules: tuple[type[ASTValidationRule], ...]
) -> list[GraphQLError]:
    """The errors of `WholeDocumentRule`s, each called once on the document."""
    errors: list[GraphQLError] = []
    context = ValidationContext(schema, document, TypeInfo(schema), errors.append)
    for rule in rules:
        cast(WholeDocumentRule, rule(context)).leave_document(document)
    return errors


class DocumentValidationCache(SchemaExtension):
    """Drop the document-only rules from a request whose document already passed them."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        text, document = context.query, context.graphql_document
        if text is not None and document is not None and context.pre_execution_errors is None:
            schema = context.schema._schema
            rules = context.validation_rules
            cached = (*(r for r in rules if r in DOCUMENT_ONLY), *STRAWBERRY_RULES)
            key = (context.schema, text, frozenset(cached))
            if key in VALID or not validate(schema, document, cached):
                VALID.add(key)
                rest = tuple(r for r in rules if r not in DOCUMENT_ONLY)
                if all(issubclass(r, WholeDocumentRule) for r in rest):
                    # Validation is then done: an empty list (not None) tells Strawberry so.
                    context.pre_execution_errors = _whole_document(schema, document, rest)
                else:
                    context.validation_rules = rest
        yield
