"""OpenTelemetry traces: set up only when an OTLP endpoint is configured.

A trace of one GraphQL request: the operation's span (`query creditCheck`, from
`ObservedOperation`, Strawberry's OpenTelemetry extension), its parse and validation spans, and
one span per unit of work (`transaction …`) holding one span per statement (named after the
statement in cypher/, api/observability/database.py). A caller's W3C `traceparent` header makes
the operation's span a child of the caller's. Spans carry names, never values: no query text, no
variables, no resolver arguments, no statement parameters (all may hold personal data).

The provider belongs to the app (`create_app(tracer_provider=…)`, which a test uses with an
in-memory exporter), not to the process: nothing here sets OpenTelemetry's global provider.
Without OTEL_EXPORTER_OTLP_ENDPOINT there is no provider and no span is made at all. The
exporter's other standard variables (OTEL_EXPORTER_OTLP_HEADERS, …_TIMEOUT) and the sampler's
(OTEL_TRACES_SAMPLER, …_ARG) are read from the environment by the SDK itself.
"""

from __future__ import annotations

from collections.abc import Generator, Mapping
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.propagate import extract
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.trace import Span, SpanKind, StatusCode, Tracer
from strawberry.extensions import LifecycleStep, SchemaExtension
from strawberry.extensions.tracing import OpenTelemetryExtension
from strawberry.types import ExecutionContext

from api.observability.record import record_of
from api.settings import Settings

TRACER_NAME = "creditgraph"
TRACES_PATH = "v1/traces"


def tracer_provider_from(settings: Settings) -> TracerProvider | None:
    """An SDK provider exporting over OTLP/HTTP in batches, or None when no endpoint is set."""
    endpoint = settings.otel_exporter_otlp_endpoint
    if not endpoint:
        return None
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    provider = TracerProvider(
        resource=Resource.create({"service.name": settings.otel_service_name})
    )
    # OTEL_EXPORTER_OTLP_ENDPOINT is the collector's base URL; traces go to its v1/traces.
    exporter = OTLPSpanExporter(endpoint=f"{endpoint.rstrip('/')}/{TRACES_PATH}")
    provider.add_span_processor(BatchSpanProcessor(exporter))
    return provider


def tracer_of(provider: trace.TracerProvider | None) -> Tracer | None:
    return provider.get_tracer(TRACER_NAME) if provider is not None else None


def attach_caller_context(headers: list[tuple[bytes, bytes]]) -> object | None:
    """Make the caller's trace (its `traceparent` header) the current context; returns the
    token for `otel_context.detach`, or None without such a header."""
    for name, value in headers:
        if name == b"traceparent":
            carrier: Mapping[str, str] = {"traceparent": value.decode("latin-1")}
            return otel_context.attach(extract(carrier))
    return None


class ObservedOperation(OpenTelemetryExtension):
    """Strawberry's OpenTelemetry extension, fitted to this service.

    * The tracer is the request's (`RequestRecord.tracer`, set by the HTTP middleware from the
      app's provider); without one the extension only records the operation's name, role and
      error codes for the metrics and the access log.
    * The operation's span is made the current context, so the executor's spans are its
      children (Strawberry's own leaves it detached).
    * No `query` attribute, no span per resolved field (`resolve` is not overridden, so
      Strawberry adds no per-field middleware: no cost per row of a long list) and so no
      resolver arguments as attributes.
    * The span is named `{type} {name}` (OpenTelemetry's GraphQL conventions) once the name
      is known, with the role and request id as attributes.
    """

    resolve = SchemaExtension.resolve  # type: ignore[assignment]

    def __init__(self, *, execution_context: ExecutionContext | None = None) -> None:
        self._arg_filter = None
        self._span_holder: dict[LifecycleStep, Span] = {}
        if execution_context is not None:
            self.execution_context = execution_context

    def on_operation(self) -> Generator[None, None, None]:
        context: Any = self.execution_context.context
        record = record_of(context)
        principal = getattr(context, "principal", None)
        role = str(principal.role) if principal is not None else ""
        tracer = record.tracer if record is not None else None
        span: Span | None = None
        token: object = None
        if tracer is not None:
            span = tracer.start_span("GraphQL operation", kind=SpanKind.SERVER)
            span.set_attribute("creditgraph.role", role)
            if record is not None:
                span.set_attribute("creditgraph.request_id", record.request_id)
                trace_id = format(span.get_span_context().trace_id, "032x")
                record.trace_id = record.trace_id or trace_id  # a batch: its first operation
            self._tracer = tracer
            self._span_holder[LifecycleStep.OPERATION] = span
            token = otel_context.attach(trace.set_span_in_context(span))
        try:
            yield
        finally:
            if token is not None:
                otel_context.detach(token)  # type: ignore[arg-type]
            name = self.execution_context.operation_name
            codes = _error_codes(self.execution_context)
            if record is not None:
                record.operation(name, role, codes)
            if span is not None:
                kind = _operation_type(self.execution_context)
                span.update_name(f"{kind} {name}" if name else kind)
                span.set_attribute("graphql.operation.type", kind)
                if name:
                    span.set_attribute("graphql.operation.name", name)
                if codes:
                    span.set_attribute("creditgraph.error_codes", sorted(set(codes)))
                    span.set_status(StatusCode.ERROR)
                span.end()

    def on_parse(self) -> Generator[None, None, None]:
        if LifecycleStep.OPERATION not in self._span_holder:
            yield
            return
        yield from super().on_parse()

    def on_validate(self) -> Generator[None, None, None]:
        if LifecycleStep.OPERATION not in self._span_holder:
            yield
            return
        yield from super().on_validate()


def _operation_type(execution_context: ExecutionContext) -> str:
    if execution_context.graphql_document is None:
        return "GraphQL"
    try:
        return execution_context.operation_type.value
    except RuntimeError:  # no such operation in the document
        return "GraphQL"


def _error_codes(execution_context: ExecutionContext) -> list[str]:
    result = execution_context.result
    errors = (result.errors if result is not None else None) or (
        execution_context.pre_execution_errors or []
    )
    return [str((error.extensions or {}).get("code", "INTERNAL")) for error in errors]
