"""The executor's probe in the service: statement and transaction timings, and trace spans.

Installed on the app's executor by the lifespan (api/app.py); graph/executor.py holds it around
each unit of work and each statement. Spans carry names only (the statement's registry name, the
unit's name, read or write), never parameters: those hold ID numbers and other personal data.
Without a tracer (no OTLP endpoint configured) no span is made; timings cost two clock reads
and a histogram update per statement.
"""

from __future__ import annotations

from collections.abc import Callable
from time import perf_counter
from types import TracebackType

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Span, SpanKind, StatusCode, Tracer

from api.observability.metrics import Metrics
from graph.errors import CreditGraphError

DB_SYSTEM = "neo4j"  # the Bolt protocol and Cypher: Neo4j, or ArcadeDB speaking them

Observe = Callable[[str, float, BaseException | None], None]  # name, seconds, error or None


class _Watched:
    """One unit or statement being watched (a plain class: cheaper than a generator CM)."""

    __slots__ = (
        "_attributes",
        "_name",
        "_observe",
        "_span",
        "_span_name",
        "_started",
        "_token",
        "_tracer",
    )

    def __init__(
        self,
        observe: Observe,
        name: str,
        tracer: Tracer | None,
        span_name: str,
        attributes: dict[str, str | bool],
    ) -> None:
        self._observe = observe
        self._name = name
        self._tracer = tracer
        self._span_name = span_name
        self._attributes = attributes
        self._span: Span | None = None
        self._token: object = None
        self._started = 0.0

    def __enter__(self) -> None:
        if self._tracer is not None:
            self._span = self._tracer.start_span(
                self._span_name, kind=SpanKind.CLIENT, attributes=self._attributes
            )
            self._token = otel_context.attach(trace.set_span_in_context(self._span))
        self._started = perf_counter()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        seconds = perf_counter() - self._started
        self._observe(self._name, seconds, error)
        span = self._span
        if span is not None:
            otel_context.detach(self._token)  # type: ignore[arg-type]
            if error is not None:
                code = error.code if isinstance(error, CreditGraphError) else type(error).__name__
                span.set_attribute("error.type", code)
                span.set_status(StatusCode.ERROR)
            span.end()


class DatabaseProbe:
    """A `graph.executor.Probe` recording into `metrics` and, when given, spans on `tracer`."""

    def __init__(self, metrics: Metrics | None, tracer: Tracer | None, database: str) -> None:
        self.metrics = metrics
        self.tracer = tracer
        self.database = database

    def unit(self, name: str, *, write: bool) -> _Watched:
        attributes: dict[str, str | bool] = {
            "db.system.name": DB_SYSTEM,
            "db.namespace": self.database,
            "creditgraph.unit": name,
            "creditgraph.write": write,
        }
        return _Watched(self._unit_done, name, self.tracer, f"transaction {name}", attributes)

    def statement(self, name: str) -> _Watched:
        attributes: dict[str, str | bool] = {
            "db.system.name": DB_SYSTEM,
            "db.namespace": self.database,
            "db.query.summary": name,
            "creditgraph.statement": name,
        }
        return _Watched(self._statement_done, name, self.tracer, name, attributes)

    def _unit_done(self, name: str, seconds: float, error: BaseException | None) -> None:
        if self.metrics is not None:
            if error is None:
                outcome = "ok"
            elif isinstance(error, CreditGraphError):
                outcome = error.code
            else:
                outcome = "error"
            self.metrics.unit(name, outcome, seconds)

    def _statement_done(self, name: str, seconds: float, error: BaseException | None) -> None:
        if self.metrics is not None:
            self.metrics.statement(name, seconds)
