"""Which request the current work serves: the request id, carried by a context variable.

The HTTP layer sets it for the duration of each request (api/observability/http.py); whatever
runs on its behalf, in the same task or in tasks it starts (dataloader batches), reads it: log
lines carry it and audit events store it, so an investigator can go from an event in the trail
to the request's log lines and trace. Work outside a request (CLI commands) has none.
"""

from __future__ import annotations

from contextvars import ContextVar

REQUEST_ID: ContextVar[str | None] = ContextVar("creditgraph_request_id", default=None)


def current_request_id() -> str | None:
    """The id of the request being served, or None outside a request."""
    return REQUEST_ID.get()
