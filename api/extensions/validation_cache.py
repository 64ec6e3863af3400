"""GraphQL's standard validation, run once per document text instead of once per request.

The rules of the GraphQL specification (graphql-core's `specified_rules`) depend on the schema
and the document only, and a dashboard sends the same few documents over and over; checking
them costs more CPU than executing a small entity card. A document that passed them is
remembered (by its exact text, in a bounded LRU), and its later requests run only the other
rules: our limits (cost, which depends on the variables, depth, aliases), the introspection
switch and whatever other extensions add. A document that failed is never remembered, so its
errors are always the full, freshly computed ones.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator

from graphql import specified_rules, validate
from strawberry.extensions import SchemaExtension

STANDARD = frozenset(specified_rules)
MAX_DOCUMENTS = 256


class _ValidDocuments:
    """Texts of documents that passed the standard rules, least recently used first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._texts: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, text: str) -> bool:
        if text in self._texts:
            self._texts.move_to_end(text)
            return True
        return False

    def add(self, text: str) -> None:
        self._texts[text] = None
        if len(self._texts) > self.size:
            self._texts.popitem(last=False)


VALID = _ValidDocuments(MAX_DOCUMENTS)


class StandardValidationCache(SchemaExtension):
    """Drop the standard rules from a request whose document text already passed them."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        text, document = context.query, context.graphql_document
        if text is not None and document is not None and context.pre_execution_errors is None:
            rules = context.validation_rules
            standard = tuple(r for r in rules if r in STANDARD)
            if standard and (
                text in VALID or not validate(context.schema._schema, document, standard)
            ):
                VALID.add(text)
                context.validation_rules = tuple(r for r in rules if r not in STANDARD)
        yield
