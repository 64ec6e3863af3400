"""Log lines as JSON objects, one per line, for the app and uvicorn alike.

Every line has `time` (UTC, ISO 8601, milliseconds), `level`, `logger`, `message` and
`request_id` (null outside a request; graph/correlation.py), `trace_id`/`span_id` while a
trace is being recorded, `exception` with the traceback when there is one, and the fields a
call passed in `extra=` (the access log: `method`, `path`, `status`, `duration_ms`,
`operation`, `role`). LOG_FORMAT=text gives the same fields as a plain line for a terminal.
`serve` configures this through uvicorn's `log_config` so that uvicorn's own loggers use the
same formatter; its access log is off, replaced by `creditgraph.access` (api/observability/http.py),
which knows the GraphQL operation, the role and the duration.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from opentelemetry import trace

from api.settings import Settings
from graph.correlation import current_request_id

ACCESS_LOGGER = "creditgraph.access"
# Attributes every LogRecord has, plus what formatters add; anything else came from `extra=`.
_STANDARD = frozenset(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message",
    "asctime",
    "color_message",
    "taskName",
}


def _time(record: logging.LogRecord) -> str:
    moment = datetime.fromtimestamp(record.created, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def fields(record: logging.LogRecord) -> dict[str, Any]:
    """The fields of one log line, in a stable order."""
    line: dict[str, Any] = {
        "time": _time(record),
        "level": record.levelname,
        "logger": record.name,
        "message": record.getMessage(),
        "request_id": current_request_id(),
    }
    span = trace.get_current_span().get_span_context()
    if span.is_valid:
        line["trace_id"] = format(span.trace_id, "032x")
        line["span_id"] = format(span.span_id, "016x")
    for key, value in record.__dict__.items():
        if key not in _STANDARD and not key.startswith("_"):
            line[key] = value
    return line


class JsonFormatter(logging.Formatter):
    """One JSON object per record (a traceback is a field, never extra lines)."""

    def format(self, record: logging.LogRecord) -> str:
        line = fields(record)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """The same fields as a line for people: time level logger [request id] message key=value."""

    def format(self, record: logging.LogRecord) -> str:
        line = fields(record)
        head = f"{line.pop('time')} {line.pop('level')} {line.pop('logger')}"
        message = line.pop("message")
        request_id = line.pop("request_id")
        if request_id:
            head += f" [{request_id}]"
        extras = " ".join(f"{k}={v}" for k, v in line.items())
        text = f"{head}: {message}" + (f" {extras}" if extras else "")
        if record.exc_info:
            text += "\n" + self.formatException(record.exc_info)
        return text


def logging_config(settings: Settings) -> dict[str, Any]:
    """A `logging.config.dictConfig` for the service, also handed to uvicorn as `log_config`:
    one stderr handler with the chosen formatter on the root logger; uvicorn's loggers pass
    their lines to it."""
    formatter = JsonFormatter if settings.log_format == "json" else TextFormatter
    level = settings.log_level
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": {"()": f"{formatter.__module__}.{formatter.__qualname__}"}},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["default"], "level": level},
        "loggers": {
            name: {"handlers": [], "level": level, "propagate": True}
            for name in ("uvicorn", "uvicorn.error", "uvicorn.access")
        }
        | {"neo4j": {"level": "WARNING"}},
    }
