"""What is learnt about one HTTP request while it is served, kept in its ASGI scope.

The HTTP middleware (api/observability/http.py) makes it; the GraphQL extension
(api/observability/tracing.py) adds what only the GraphQL layer knows; the middleware reads it
back for the metrics and the access line when the response has gone out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from opentelemetry.trace import Tracer

RECORD_KEY = "creditgraph.observed"


@dataclass
class RequestRecord:
    """What is learnt about one HTTP request while it is served."""

    request_id: str
    tracer: Tracer | None = None
    trace_id: str | None = None  # of the request's (first) operation, when traced
    operations: list[str | None] = field(default_factory=list)
    role: str = ""
    error_codes: list[str] = field(default_factory=list)

    def operation(self, name: str | None, role: str, error_codes: list[str]) -> None:
        """One GraphQL operation ran (a batch runs several)."""
        self.operations.append(name)
        self.role = self.role or role
        self.error_codes.extend(error_codes)


def record_of(context: Any) -> RequestRecord | None:
    """The record of the request a GraphQL context (api/context.py) serves, if any."""
    request = getattr(context, "request", None)
    found = request.scope.get(RECORD_KEY) if request is not None else None
    return found if isinstance(found, RequestRecord) else None
