"""Prometheus metrics: requests, GraphQL errors, database work and the linked-risk outbox.

Each app owns its registry (no process-wide state: tests build several apps in one process), and
`/metrics` serves it in the text format. Label values come from small sets only, so a client
cannot grow the series without bound: routes are the app's own paths, operation names are
capped (`OperationLabels`), statement and unit names come from the Cypher registry and the code,
roles and error codes are enumerations. Everything is recorded by counters and histograms
updated in place (a few microseconds a request); the outbox gauges read what the refresh worker
last saw (graph/risk/refresh.py), so a scrape never queries the database.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Iterable
from hmac import compare_digest
from typing import Generic, TypeVar

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    GC_COLLECTOR,
    PLATFORM_COLLECTOR,
    PROCESS_COLLECTOR,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.metrics_core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.requests import Request
from starlette.responses import Response

from api.settings import Settings
from graph.risk.refresh import RefreshWorker

ROUTES = frozenset({"/graphql", "/healthz", "/readyz", "/metrics"})
OTHER = "(other)"
ANONYMOUS = "(anonymous)"
BATCH = "(batch)"
INVALID = "(invalid)"
MAX_OPERATION_NAMES = 200
_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,99}")

REQUEST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
DB_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


M = TypeVar("M", Counter, Histogram)


class Children(Generic[M]):
    """A metric's children by label values, found in a plain dict: prometheus_client's own
    `labels()` checks and locks on every call (2.5 µs; a dict look-up is a tenth of that)."""

    def __init__(self, metric: M) -> None:
        self.metric: M = metric
        self._found: dict[tuple[str, ...], M] = {}

    def __call__(self, *values: str) -> M:
        found = self._found.get(values)
        if found is None:
            found = self._found[values] = self.metric.labels(*values)
        return found


class OperationLabels:
    """Operation names as label values: a GraphQL name, at most `limit` distinct ones (first
    come, first kept), the rest counted as `(other)`. Names are chosen by clients; without a cap
    a client sending random names would make a series for each."""

    def __init__(self, limit: int = MAX_OPERATION_NAMES) -> None:
        self.limit = limit
        self._seen: set[str] = set()

    def label(self, names: list[str | None]) -> str:
        """The label of one HTTP request's operations: its name, `(anonymous)` for an unnamed
        one, `(batch)` for several, "" when no operation ran."""
        if not names:
            return ""
        if len(names) > 1:
            return BATCH
        name = names[0]
        if not name:
            return ANONYMOUS
        if name in self._seen:
            return name
        if not _NAME.fullmatch(name):
            return INVALID
        if len(self._seen) >= self.limit:
            return OTHER
        self._seen.add(name)
        return name


class RefreshBacklog(Collector):
    """The linked-risk outbox as the refresh worker last saw it: pending requests, the age of
    the oldest one (the worker's lag, growing until a check finds it served), when it last
    checked, and its failed rounds. Nothing is exported while the app runs no worker."""

    def __init__(self) -> None:
        self.worker: RefreshWorker | None = None

    def collect(self) -> Iterable[Metric]:
        worker = self.worker
        if worker is None or worker.checked_at is None:
            return []
        seen = worker.last_backlog
        pending = seen.pending if seen is not None else 0
        oldest = seen.oldest if seen is not None else None
        lag = max(0.0, time.time() - oldest.timestamp()) if pending and oldest else 0.0
        return [
            GaugeMetricFamily(
                "creditgraph_risk_refresh_pending",
                "Linked-risk refresh requests waiting in the outbox at the worker's last check.",
                value=pending,
            ),
            GaugeMetricFamily(
                "creditgraph_risk_refresh_lag_seconds",
                "Age of the oldest waiting refresh request (0 when none waits).",
                value=lag,
            ),
            GaugeMetricFamily(
                "creditgraph_risk_refresh_last_check_timestamp_seconds",
                "When the refresh worker last looked at the outbox (Unix time).",
                value=worker.checked_at,
            ),
            CounterMetricFamily(
                "creditgraph_risk_refresh_failures",
                "Refresh rounds that failed (their requests stay for the next round).",
                value=worker.failures,
            ),
        ]

    def describe(self) -> Iterable[Metric]:
        return []  # the set depends on the worker: collected at scrape time only


class Metrics:
    """The app's metrics, in a registry of its own."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        for collector in (PROCESS_COLLECTOR, PLATFORM_COLLECTOR, GC_COLLECTOR):
            self.registry.register(collector)
        self.operations = OperationLabels()
        self.requests = Counter(
            "creditgraph_http_requests",
            "HTTP requests by route, GraphQL operation name, caller role and status.",
            ["route", "operation", "role", "status"],
            registry=self.registry,
        )
        self.request_seconds = Histogram(
            "creditgraph_http_request_duration_seconds",
            "Time from a request's arrival to its response's end, by route and operation.",
            ["route", "operation"],
            buckets=REQUEST_BUCKETS,
            registry=self.registry,
        )
        self.graphql_errors = Counter(
            "creditgraph_graphql_errors",
            "GraphQL errors returned, by operation and error code.",
            ["operation", "code"],
            registry=self.registry,
        )
        self.statement_seconds = Histogram(
            "creditgraph_db_statement_duration_seconds",
            "Time to run one Cypher statement and read all its rows, by statement name.",
            ["statement"],
            buckets=DB_BUCKETS,
            registry=self.registry,
        )
        self.unit_seconds = Histogram(
            "creditgraph_db_transaction_duration_seconds",
            "Time of one unit of work (a transaction, its reruns and its wait for a slot), by "
            "unit name and outcome (ok or the error code).",
            ["unit", "outcome"],
            buckets=DB_BUCKETS,
            registry=self.registry,
        )
        self.refresh = RefreshBacklog()
        self.registry.register(self.refresh)
        self._requests = Children(self.requests)
        self._request_seconds = Children(self.request_seconds)
        self._statements = Children(self.statement_seconds)
        self._units = Children(self.unit_seconds)

    def request(
        self,
        path: str,
        operations: list[str | None],
        role: str,
        status: int,
        seconds: float,
        error_codes: Iterable[str] = (),
    ) -> str:
        """Count one finished HTTP request; returns the operation label it was counted under."""
        route = path if path in ROUTES else OTHER
        operation = self.operations.label(operations)
        self._requests(route, operation, role, str(status)).inc()
        self._request_seconds(route, operation).observe(seconds)
        for code in error_codes:
            self.graphql_errors.labels(operation, code).inc()
        return operation

    def statement(self, name: str, seconds: float) -> None:
        self._statements(name).observe(seconds)

    def unit(self, name: str, outcome: str, seconds: float) -> None:
        self._units(name, outcome).observe(seconds)

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


def metrics_endpoint(
    metrics: Metrics, settings: Settings
) -> Callable[[Request], Awaitable[Response]]:
    """The `/metrics` view. Open unless METRICS_TOKEN is set: then only a request bearing it
    (`Authorization: Bearer …`, as Prometheus' `authorization` scrape setting sends) is served."""
    token = settings.metrics_token.get_secret_value() if settings.metrics_token else None
    expected = f"Bearer {token}".encode() if token else None

    async def serve(request: Request) -> Response:
        if expected is not None:
            given = request.headers.get("authorization", "").encode()
            if not compare_digest(given, expected):
                return Response(
                    "metrics need the scrape token\n",
                    status_code=401,
                    media_type="text/plain",
                    headers={"WWW-Authenticate": "Bearer"},
                )
        return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)

    return serve
