"""Expected errors get a stable `extensions.code`; everything else is logged and masked.

A client never sees the text of an unexpected exception: it gets "Internal server error" with
code INTERNAL, while the full traceback goes to the log.
"""

from __future__ import annotations

import logging

from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors

from graph.errors import CreditGraphError, QueryFailed

log = logging.getLogger("creditgraph.errors")

MASKED_MESSAGE = "Internal server error"


def _expected(error: GraphQLError) -> CreditGraphError | None:
    original = error.original_error
    if isinstance(original, CreditGraphError) and not isinstance(original, QueryFailed):
        return original
    return None


class CodedErrors(MaskErrors):
    """MaskErrors that keeps expected errors (with their code) and masks the rest."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=self._should_mask, error_message=MASKED_MESSAGE)

    @staticmethod
    def _should_mask(error: GraphQLError) -> bool:
        # Errors raised by GraphQL validation itself have no original error: they are about the
        # query the client sent and are safe to show.
        return error.original_error is not None and _expected(error) is None

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        log.error("unexpected error at %s", error.path, exc_info=error.original_error)
        masked = super().anonymise_error(error)
        masked.extensions = {"code": "INTERNAL"}
        return masked

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = super()._process_errors(errors)
        for error in processed:
            expected = _expected(error)
            if expected is not None:
                error.extensions = {
                    **(error.extensions or {}),
                    "code": expected.code,
                    **{k: v for k, v in expected.details.items() if v is not None},
                }
            elif not error.extensions or "code" not in error.extensions:
                error.extensions = {**(error.extensions or {}), "code": "GRAPHQL_VALIDATION_FAILED"}
        return processed
