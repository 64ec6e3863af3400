"""Expected errors get a stable `extensions.code`; everything else is logged and masked.

A client never sees the text of an unexpected exception: it gets "Internal server error" with
code INTERNAL, while the full traceback goes to the log. Codes:

* the `code` of a `graph.errors` exception raised by a resolver (BAD_USER_INPUT, NOT_FOUND, …);
* GRAPHQL_PARSE_FAILED: the document is not GraphQL;
* GRAPHQL_VALIDATION_FAILED: the document does not fit the schema;
* LIMIT_EXCEEDED: a limit extension rejected the document (it sets the code itself);
* BAD_USER_INPUT: the variables do not fit their declared types;
* INTERNAL: anything else, masked.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from graphql.error import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import MaskErrors

from graph.errors import BadUserInput, CreditGraphError, QueryFailed

log = logging.getLogger("creditgraph.errors")

MASKED_MESSAGE = "Internal server error"
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"


def _expected(error: GraphQLError) -> CreditGraphError | None:
    original = error.original_error
    if isinstance(original, CreditGraphError) and not isinstance(original, QueryFailed):
        return original
    return None


def _about_the_request(error: GraphQLError) -> bool:
    """Raised by GraphQL itself about the document or the variables, before any resolver ran.

    Such errors have no path, and no original error or a GraphQL one (e.g. a variable's value
    that its scalar refused); their text describes what the client sent.
    """
    return error.path is None and (
        error.original_error is None or isinstance(error.original_error, GraphQLError)
    )


def _default_code(errors: Iterable[GraphQLError], code: str) -> None:
    for error in errors:
        if not error.extensions or "code" not in error.extensions:
            error.extensions = {**(error.extensions or {}), "code": code}


class CodedErrors(MaskErrors):
    """MaskErrors that keeps expected errors (with their code) and masks the rest."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=self._should_mask, error_message=MASKED_MESSAGE)

    @staticmethod
    def _should_mask(error: GraphQLError) -> bool:
        return _expected(error) is None and not _about_the_request(error)

    def on_validate(self) -> Iterator[None]:
        yield
        _default_code(self.execution_context.pre_execution_errors or (), VALIDATION_FAILED)

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
            elif isinstance(error, GraphQLSyntaxError):
                _default_code([error], PARSE_FAILED)
            else:
                # Not a parse or validation error (those have their code by now): the variables.
                _default_code([error], BadUserInput.code)
        return processed


def mask_escaped(errors: list[GraphQLError]) -> None:
    """Mask, in place, the unexpected errors that never passed through `CodedErrors`.

    An exception raised while parsing or validating (a validation rule that crashed, say) is
    turned into an error by strawberry after the extensions have finished, so `CodedErrors`
    never sees it; the schema's `process_errors` hook does (`CreditGraphSchema`). Errors that
    did pass through are left as they are (masking is idempotent anyway).
    """
    masking = CodedErrors()
    for index, error in enumerate(errors):
        if masking._should_mask(error):
            errors[index] = masking.anonymise_error(error)
