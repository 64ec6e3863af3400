"""Observability: /metrics, traces, JSON log lines and the request id (api/observability/).

The metrics and audit tests use the session's app. The trace test builds an app of its own with
an in-memory span exporter and runs its lifespan (its own driver, so the executor's probe holds
that app's tracer). The serve test starts `creditgraph serve` as a child process on the session's
database and reads the log lines it writes, uvicorn's included.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr
from starlette.applications import Starlette
from stdnum.cn import uscc

from api.app import create_app
from api.auth import Role
from api.observability.logs import JsonFormatter, TextFormatter, logging_config
from api.observability.metrics import BATCH, OTHER, Metrics, OperationLabels
from api.observability.request_id import request_id_from
from api.settings import Settings
from graph import audit
from graph.embedded import free_port
from graph.executor import Executor
from graph.risk.refresh import Backlog, RefreshWorker

UPSERT = """mutation ObsUpsert($u: String!, $n: String!) {
  upsertEnterprise(input: {uscc: $u, name: $n}) { created } }"""
LOOKUP = "query ObsLookup($u: String!) { enterprise(uscc: $u) { uscc name } }"
TRACED = "query ObsTraced($u: String!) { enterprise(uscc: $u) { uscc name } }"


def new_uscc(n: int) -> str:
    body = f"91310000QB{n:07d}"
    return body + uscc.calc_check_digit(body)


def samples(text: str, name: str) -> list[tuple[dict[str, str], float]]:
    """The samples called `name` in a Prometheus text exposition, with their labels."""
    return [
        (sample.labels, sample.value)
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == name
    ]


# -- request id ------------------------------------------------------------------------------
def test_a_sane_request_id_is_kept_and_anything_else_replaced() -> None:
    assert request_id_from(b"edge-7f3a.1:2") == "edge-7f3a.1:2"
    for bad in (None, b"", b"has space", b'quote"', b"x" * 129, b"line\nbreak", b"-leading"):
        made = request_id_from(bad)
        assert len(made) == 32, bad
        int(made, 16)  # hexadecimal


async def test_the_request_id_comes_back_in_the_response(client: httpx.AsyncClient) -> None:
    mine = await client.get("/healthz", headers={"X-Request-ID": "probe-123"})
    assert mine.headers["x-request-id"] == "probe-123"
    made = await client.get("/healthz", headers={"X-Request-ID": "not sane"})
    assert made.headers["x-request-id"] not in ("not sane", "")
    other = await client.get("/healthz")
    assert other.headers["x-request-id"] != made.headers["x-request-id"]


# -- metrics ---------------------------------------------------------------------------------
@pytest.mark.db
async def test_metrics_show_the_request_by_operation_role_and_status(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/graphql", json={"query": LOOKUP, "variables": {"u": new_uscc(1)}}
    )
    assert response.status_code == 200, response.text
    scraped = await client.get("/metrics")
    assert scraped.status_code == 200
    assert scraped.headers["content-type"].startswith("text/plain")
    text = scraped.text

    labels = {"route": "/graphql", "operation": "ObsLookup", "role": "officer", "status": "200"}
    counted = [
        v for found, v in samples(text, "creditgraph_http_requests_total") if found == labels
    ]
    assert counted, text
    assert counted[0] >= 1
    timed = [
        v
        for found, v in samples(text, "creditgraph_http_request_duration_seconds_count")
        if found == {"route": "/graphql", "operation": "ObsLookup"}
    ]
    assert timed
    assert timed[0] >= 1
    statements = {
        found["statement"]
        for found, _ in samples(text, "creditgraph_db_statement_duration_seconds_count")
    }
    assert statements, "no statement timings"
    assert all("/" in name for name in statements)  # registry names, e.g. enterprise/get_…
    units = samples(text, "creditgraph_db_transaction_duration_seconds_count")
    assert any(found["outcome"] == "ok" for found, _ in units)
    assert samples(text, "process_resident_memory_bytes") or sys.platform != "linux"


@pytest.mark.db
async def test_graphql_errors_are_counted_by_code(client: httpx.AsyncClient) -> None:
    bad = "query ObsBroken { enterprise(uscc: 1) { nope } }"
    await client.post("/graphql", json={"query": bad})
    text = (await client.get("/metrics")).text
    codes = {
        found["code"]
        for found, value in samples(text, "creditgraph_graphql_errors_total")
        if found["operation"] == "ObsBroken" and value >= 1
    }
    assert codes == {"GRAPHQL_VALIDATION_FAILED"}, text


def test_operation_labels_are_capped_and_checked() -> None:
    labels = OperationLabels(limit=2)
    assert labels.label([]) == ""
    assert labels.label([None]) == "(anonymous)"
    assert labels.label(["a", "b"]) == BATCH
    assert labels.label(["First"]) == "First"
    assert labels.label(["Second"]) == "Second"
    assert labels.label(["Third"]) == OTHER  # the cap: no new series for a client's names
    assert labels.label(["First"]) == "First"
    assert labels.label(["no such name!"]) == "(invalid)"


def test_the_outbox_gauges_show_what_the_worker_last_saw() -> None:
    metrics = Metrics()
    assert not samples(metrics.exposition().decode(), "creditgraph_risk_refresh_pending")
    worker = RefreshWorker(executor=None, interval=1.0)  # type: ignore[arg-type]
    worker.last_backlog = Backlog(3, datetime.now(UTC) - timedelta(seconds=90))
    worker.checked_at = time.time()
    worker.failures = 2
    metrics.refresh.worker = worker
    text = metrics.exposition().decode()
    assert samples(text, "creditgraph_risk_refresh_pending") == [({}, 3.0)]
    ((_, lag),) = samples(text, "creditgraph_risk_refresh_lag_seconds")
    assert 89 <= lag < 200
    assert samples(text, "creditgraph_risk_refresh_failures_total") == [({}, 2.0)]
    worker.last_backlog = Backlog(0, None)
    assert samples(metrics.exposition().decode(), "creditgraph_risk_refresh_lag_seconds") == [
        ({}, 0.0)
    ]


@pytest.mark.db
async def test_metrics_can_require_a_scrape_token(app: Starlette, settings: Settings) -> None:
    scrape = SecretStr("scrape-secret-0123456789")
    other = create_app(settings.model_copy(update={"metrics_token": scrape}))
    other.state.executor = app.state.executor
    transport = httpx.ASGITransport(app=other)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        assert (await c.get("/metrics")).status_code == 401
        wrong = {"authorization": "Bearer nope"}
        assert (await c.get("/metrics", headers=wrong)).status_code == 401
        right = {"authorization": "Bearer scrape-secret-0123456789"}
        assert (await c.get("/metrics", headers=right)).status_code == 200
    off = create_app(settings.model_copy(update={"metrics_enabled": False}))
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=off), base_url="http://testserver"
    ) as c:
        assert (await c.get("/metrics")).status_code == 404


class Lines(logging.Handler):
    """Every record, formatted by the service's JSON formatter."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(JsonFormatter())
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def log_lines() -> Iterator[Lines]:
    handler = Lines()
    root = logging.getLogger()
    service = logging.getLogger("creditgraph")
    level = service.level
    root.addHandler(handler)
    service.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        service.setLevel(level)


# -- traces ----------------------------------------------------------------------------------
@pytest.fixture
async def traced(
    settings: Settings, token: Callable[..., str]
) -> AsyncIterator[tuple[httpx.AsyncClient, InMemorySpanExporter]]:
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    app = create_app(settings, tracer_provider=provider)
    async with app.router.lifespan_context(app):
        exporter.clear()  # the migration's spans
        headers = {"authorization": f"Bearer {token(Role.OFFICER)}"}
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://testserver", headers=headers
        ) as client:
            yield client, exporter
    provider.shutdown()


def _ancestors(span: ReadableSpan, by_id: dict[int, ReadableSpan]) -> Iterator[ReadableSpan]:
    parent = span.parent
    while parent is not None and parent.span_id in by_id:
        found = by_id[parent.span_id]
        yield found
        parent = found.parent


@pytest.mark.db
async def test_one_request_makes_one_trace_with_its_database_spans(
    traced: tuple[httpx.AsyncClient, InMemorySpanExporter], log_lines: Lines
) -> None:
    client, exporter = traced
    secret_key = new_uscc(2)
    response = await client.post(
        "/graphql",
        json={"query": TRACED, "variables": {"u": secret_key}},
        headers={"X-Request-ID": "trace-me-1"},
    )
    assert response.status_code == 200, response.text
    spans = exporter.get_finished_spans()
    (operation,) = [s for s in spans if s.name == "query ObsTraced"]
    assert operation.kind == SpanKind.SERVER
    assert operation.attributes is not None
    assert operation.attributes["graphql.operation.name"] == "ObsTraced"
    assert operation.attributes["creditgraph.request_id"] == "trace-me-1"
    assert operation.attributes["creditgraph.role"] == "officer"
    assert {s.context.trace_id for s in spans} == {operation.context.trace_id}
    (access,) = [
        line
        for line in map(json.loads, log_lines.lines)
        if line["logger"] == "creditgraph.access" and line["request_id"] == "trace-me-1"
    ]
    assert access["trace_id"] == format(operation.context.trace_id, "032x")

    by_id = {s.context.span_id: s for s in spans}
    statements = [s for s in spans if s.attributes and "creditgraph.statement" in s.attributes]
    units = [s for s in spans if s.name.startswith("transaction ")]
    assert statements
    assert units
    for span in statements:
        chain = list(_ancestors(span, by_id))
        assert chain[0] in units  # a statement runs in its transaction…
        assert operation in chain  # …under the request's operation
        assert span.kind == SpanKind.CLIENT
    assert {"GraphQL Parsing", "GraphQL Validation"} <= {s.name for s in spans}
    # Names, never values: neither the variables nor the query text reach a span.
    for span in spans:
        for value in (span.attributes or {}).values():
            assert secret_key not in str(value)
            assert "enterprise(uscc" not in str(value)


@pytest.mark.db
async def test_a_callers_trace_continues_into_the_service(
    traced: tuple[httpx.AsyncClient, InMemorySpanExporter],
) -> None:
    client, exporter = traced
    trace_id, parent_id = "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"
    await client.post(
        "/graphql",
        json={"query": TRACED, "variables": {"u": new_uscc(3)}},
        headers={"traceparent": f"00-{trace_id}-{parent_id}-01"},
    )
    (operation,) = [s for s in exporter.get_finished_spans() if s.name == "query ObsTraced"]
    assert format(operation.context.trace_id, "032x") == trace_id
    assert operation.parent is not None
    assert format(operation.parent.span_id, "016x") == parent_id


class Collector(ThreadingHTTPServer):
    """An OTLP/HTTP trace collector in this process: keeps what is posted to /v1/traces."""

    def __init__(self) -> None:
        self.received: list[ExportTraceServiceRequest] = []
        self.paths: list[str] = []
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                collector.paths.append(self.path)
                collector.received.append(ExportTraceServiceRequest.FromString(body))
                self.send_response(200)
                self.send_header("content-type", "application/x-protobuf")
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)


@pytest.mark.db
async def test_traces_are_exported_to_the_configured_otlp_endpoint(
    settings: Settings, token: Callable[..., str]
) -> None:
    collector = Collector()
    thread = threading.Thread(target=collector.serve_forever, daemon=True)
    thread.start()
    endpoint = f"http://127.0.0.1:{collector.server_address[1]}"
    try:
        app = create_app(settings.model_copy(update={"otel_exporter_otlp_endpoint": endpoint}))
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            headers = {"authorization": f"Bearer {token(Role.OFFICER)}"}
            async with httpx.AsyncClient(
                transport=transport, base_url="http://testserver", headers=headers
            ) as client:
                await client.post(
                    "/graphql", json={"query": TRACED, "variables": {"u": new_uscc(7)}}
                )
        # Leaving the lifespan shut the provider down, which sends every queued span.
    finally:
        collector.shutdown()
        collector.server_close()
    assert set(collector.paths) == {"/v1/traces"}
    spans = [
        (resource.resource, span)
        for request in collector.received
        for resource in request.resource_spans
        for scope in resource.scope_spans
        for span in scope.spans
    ]
    names = {span.name for _, span in spans}
    assert "query ObsTraced" in names
    assert any(name.startswith("transaction ") for name in names)
    service = {
        attribute.value.string_value
        for resource, _ in spans
        for attribute in resource.attributes
        if attribute.key == "service.name"
    }
    assert service == {"creditgraph"}


# -- logs ------------------------------------------------------------------------------------
@pytest.mark.db
async def test_a_requests_log_lines_are_json_with_its_request_id(
    client: httpx.AsyncClient, log_lines: Lines
) -> None:
    response = await client.post(
        "/graphql", json={"query": LOOKUP, "variables": {"u": new_uscc(4)}}
    )
    request_id = response.headers["x-request-id"]
    assert log_lines.lines
    parsed = [json.loads(line) for line in log_lines.lines]
    for line in parsed:
        assert {"time", "level", "logger", "message", "request_id"} <= line.keys()
        assert line["request_id"] == request_id
    (access,) = [line for line in parsed if line["logger"] == "creditgraph.access"]
    assert access["operation"] == "ObsLookup"
    assert access["role"] == "officer"
    assert access["status"] == 200
    assert isinstance(access["duration_ms"], float)
    assert access["duration_ms"] > 0
    assert access["path"] == "/graphql"
    assert access["method"] == "POST"


def test_a_traceback_stays_inside_its_json_line() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord(
            "creditgraph.test", logging.ERROR, __file__, 1, "failed %s", ("here",), sys.exc_info()
        )
    text = JsonFormatter().format(record)
    assert "\n" not in text
    line = json.loads(text)
    assert line["message"] == "failed here"
    assert "ValueError: boom" in line["exception"]
    assert line["request_id"] is None
    assert TextFormatter().format(record).startswith(line["time"])


# -- audit -----------------------------------------------------------------------------------
@pytest.mark.db
async def test_an_audit_event_records_the_request_id(
    client: httpx.AsyncClient, executor: Executor
) -> None:
    key = new_uscc(5)
    response = await client.post(
        "/graphql",
        json={"query": UPSERT, "variables": {"u": key, "n": "观测测试有限公司"}},
        headers={"X-Request-ID": "audit-trail-42"},
    )
    assert response.json()["data"]["upsertEnterprise"] is not None, response.text
    (event,) = await audit.events_for(executor, [key])
    assert event["requestId"] == "audit-trail-42"


# -- `creditgraph serve`: uvicorn's lines in the same format ---------------------------------
def _serve_env(settings: Settings, port: int) -> dict[str, str]:
    assert settings.neo4j_uri
    assert settings.neo4j_password
    return {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USERNAME": settings.neo4j_username,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "NEO4J_DATABASE": str(settings.neo4j_database),
        "APP_ENV": "test",
        "CREDITGRAPH_ID_HASH_KEY": settings.id_hash_key.get_secret_value(),
        "AUTH_TOKEN_SECRET": settings.auth_token_secret.get_secret_value(),
        "RISK_REFRESH_INTERVAL": "0",
        "LOG_LEVEL": "INFO",
        "LOG_FORMAT": "json",
        "PORT": str(port),
    }


@pytest.mark.db
async def test_serve_writes_every_log_line_as_json(
    settings: Settings, token: Callable[..., str], tmp_path: Any
) -> None:
    port = free_port()
    errors = (tmp_path / "stderr.log").open("wb")
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "api.cli",
        "serve",
        env=_serve_env(settings, port),
        stdout=asyncio.subprocess.PIPE,
        stderr=errors,
        cwd=tmp_path,
    )
    try:
        assert proc.stdout is not None
        # The banner is printed once uvicorn listens: the event to wait for.
        banner = await asyncio.wait_for(proc.stdout.readline(), timeout=120)
        assert b"serving GraphQL" in banner, banner
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            response = await client.post(
                "/graphql",
                json={"query": LOOKUP, "variables": {"u": new_uscc(6)}},
                headers={
                    "authorization": f"Bearer {token(Role.OFFICER)}",
                    "X-Request-ID": "served-1",
                },
            )
        assert response.status_code == 200
        assert response.headers["x-request-id"] == "served-1"
    finally:
        proc.terminate()
        await asyncio.wait_for(proc.wait(), timeout=60)
        errors.close()
    lines = (tmp_path / "stderr.log").read_text(encoding="utf-8").splitlines()
    parsed = [json.loads(line) for line in lines if line.strip()]
    assert len(parsed) == len([line for line in lines if line.strip()])
    loggers = {line["logger"] for line in parsed}
    assert any(name.startswith("uvicorn") for name in loggers), loggers
    assert "creditgraph.access" in loggers
    (access,) = [line for line in parsed if line.get("request_id") == "served-1"]
    assert (access["operation"], access["role"], access["status"]) == ("ObsLookup", "officer", 200)
    assert all({"time", "level", "logger", "message", "request_id"} <= p.keys() for p in parsed)


def test_the_logging_config_routes_uvicorn_through_the_root_handler(settings: Settings) -> None:
    config = logging_config(settings)
    assert config["disable_existing_loggers"] is False
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        assert config["loggers"][name] == {"handlers": [], "level": "INFO", "propagate": True}
    text = logging_config(settings.model_copy(update={"log_format": "text"}))
    assert text["formatters"]["default"]["()"].endswith("TextFormatter")
