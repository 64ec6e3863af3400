"""The project's error tree. Each expected error carries a stable `code` for GraphQL clients.

Driver exceptions never leave `graph/`: the executor maps them onto these classes, and the
GraphQL layer turns any `CreditGraphError` into an error with `extensions.code`. Anything else is
a bug and is masked.
"""

from __future__ import annotations

from typing import Any


class CreditGraphError(Exception):
    """Base of every expected error."""

    code = "INTERNAL"

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class BadUserInput(CreditGraphError):
    code = "BAD_USER_INPUT"


class NotFound(CreditGraphError):
    code = "NOT_FOUND"


class Conflict(CreditGraphError):
    """A uniqueness constraint or a state rule refused the change."""

    code = "CONFLICT"


class RuleRefused(CreditGraphError):
    """A domain rule (e.g. P21: unpublished measure) refused the request."""

    code = "RULE_REFUSED"


class LimitExceeded(CreditGraphError):
    code = "LIMIT_EXCEEDED"


class Unauthenticated(CreditGraphError):
    code = "UNAUTHENTICATED"


class Forbidden(CreditGraphError):
    code = "FORBIDDEN"


class Unavailable(CreditGraphError):
    """The graph database cannot be reached or timed out."""

    code = "UNAVAILABLE"


class QueryFailed(CreditGraphError):
    """A statement the project wrote was rejected by the database: a bug, masked for clients."""

    code = "INTERNAL"
