"""The outermost middleware: request id, access log line and request metrics for every request.

For each HTTP request it takes the request id (api/observability/request_id.py), sets it in
`graph.correlation.REQUEST_ID` for everything that runs on the request's behalf, returns it in
the `X-Request-ID` response header, attaches the caller's trace context when tracing is on, and
when the response has gone out counts the request (route, operation, role, status, duration) and
writes one access line on `creditgraph.access`. The GraphQL extension (`ObservedOperation`)
fills in what only the GraphQL layer knows (operation names, role, error codes) through the
`RequestRecord` kept in the ASGI scope. Probes and the metrics scrape log at DEBUG, the rest at
INFO. Pure ASGI, like the rest of the stack (api/middleware.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from time import perf_counter

from opentelemetry import context as otel_context
from opentelemetry.trace import Tracer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.observability.logs import ACCESS_LOGGER
from api.observability.metrics import Metrics
from api.observability.record import RECORD_KEY, RequestRecord
from api.observability.request_id import HEADER_KEY, request_id_from
from api.observability.tracing import attach_caller_context
from graph.correlation import REQUEST_ID

QUIET_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})

access_log = logging.getLogger(ACCESS_LOGGER)


@dataclass(frozen=True)
class Observability:
    """What the app observes with: its metrics (None: METRICS_ENABLED off) and its tracer
    (None: tracing not configured)."""

    metrics: Metrics | None
    tracer: Tracer | None


class RequestObserver:
    def __init__(self, app: ASGIApp, *, observability: Observability) -> None:
        self.app = app
        self.metrics = observability.metrics
        self.tracer = observability.tracer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers: list[tuple[bytes, bytes]] = scope["headers"]
        given = next((value for name, value in headers if name == HEADER_KEY), None)
        record = RequestRecord(request_id_from(given), self.tracer)
        scope[RECORD_KEY] = record
        header = (HEADER_KEY, record.request_id.encode("latin-1"))
        status = 500  # unless a response starts: the app raised
        started = perf_counter()
        token = REQUEST_ID.set(record.request_id)
        trace_token = attach_caller_context(headers) if self.tracer is not None else None

        async def send_observed(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), header]
            await send(message)

        try:
            await self.app(scope, receive, send_observed)
        finally:
            self._finished(scope, record, status, perf_counter() - started)
            if trace_token is not None:
                otel_context.detach(trace_token)  # type: ignore[arg-type]
            REQUEST_ID.reset(token)

    def _finished(self, scope: Scope, record: RequestRecord, status: int, seconds: float) -> None:
        path: str = scope.get("path", "")
        method: str = scope.get("method", "")
        if self.metrics is not None:
            self.metrics.request(
                path, record.operations, record.role, status, seconds, record.error_codes
            )
        level = logging.DEBUG if path in QUIET_PATHS else logging.INFO
        if access_log.isEnabledFor(level):
            operation = ",".join(name or "" for name in record.operations)
            access_log.log(
                level,
                "%s %s %d",
                method,
                path,
                status,
                extra={
                    "method": method,
                    "path": path,
                    "status": status,
                    "duration_ms": round(seconds * 1000, 2),
                    "operation": operation or None,
                    "role": record.role or None,
                    **({"trace_id": record.trace_id} if record.trace_id else {}),
                },
            )
