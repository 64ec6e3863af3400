"""Token limit: strawberry's `MaxTokensLimiter`, reporting LIMIT_EXCEEDED.

The parser stops at the limit (comments count too), so an oversized document costs no more
than the limit to reject. The parser reports it as a syntax error; this extension recognises
that error after parsing and gives it our code and the limit.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLSyntaxError
from strawberry.extensions import MaxTokensLimiter

from api.extensions.rules import mark_limit_error


class TokenLimit(MaxTokensLimiter):
    """Reject documents of more than `max_token_count` tokens (`limitName` tokens)."""

    def on_parse(self) -> Iterator[None]:
        yield
        # graphql-core words it "Document contains more than N tokens. Parsing aborted."
        marker = f"more than {self.max_token_count} tokens"
        for error in self.execution_context.pre_execution_errors or ():
            if isinstance(error, GraphQLSyntaxError) and marker in error.message:
                mark_limit_error(error, "tokens", self.max_token_count)
