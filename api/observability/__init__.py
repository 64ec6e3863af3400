"""Observability: Prometheus metrics, OpenTelemetry traces, JSON logs and the request id.

* `http`: the outermost middleware (request id, access line, request metrics);
* `record`: what one request's record holds, shared by the middleware and the GraphQL extension;
* `tracing`: the tracer provider (only with an OTLP endpoint) and the GraphQL extension;
* `database`: the executor's probe (statement and transaction timings and spans);
* `metrics`: the app's Prometheus registry and `/metrics`;
* `logs`: the JSON (or text) formatter and the logging config handed to uvicorn;
* `request_id`: the `X-Request-ID` rules (the id itself travels in graph/correlation.py).
"""
