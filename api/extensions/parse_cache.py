"""Parse each document text once: a dashboard sends the same few documents over and over.

Strawberry's `ParserCache` (an LRU keyed by the text and the parse options, so the token limit
and the spec grammar of `SpecGrammar` are part of the key) raises a syntax error out of the
parsing hook, where Strawberry does not report it; here a text that does not parse is left to
Strawberry's own parse, which reports it as usual (and is never cached). Parsing the entity
card costs about a millisecond, a tenth of what executing it costs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress

from graphql import GraphQLError
from strawberry.extensions import ParserCache

MAX_DOCUMENTS = 256


class CachedParse(ParserCache):
    """The parsed document of a text seen before, or Strawberry's own parse."""

    def __init__(self) -> None:
        super().__init__(maxsize=MAX_DOCUMENTS)

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query and context.graphql_document is None:
            # A text that fails is parsed again by Strawberry, which reports the error.
            with suppress(GraphQLError):
                context.graphql_document = self.cached_parse_document(
                    context.query, **context.parse_options
                )
        yield
