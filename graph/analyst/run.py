"""runCypher and runAnalyticsQuery: an analyst's own Cypher, or a file from cypher/analytics/,
read-only, bounded, without protected personal data, and audited.

Four layers, each tested on its own (tests/test_cypher_guard.py, tests/test_run_cypher.py):
1. the lexical guard (graph/analyst/guard.py) refuses writes, procedures, admin commands,
   several statements and, without personal-data rights, every way to name or reach a protected
   property; the database runs the guard's normalised text, not the raw one;
2. the query runs in a READ transaction that is always rolled back (`Executor.read_rolled_back`):
   ArcadeDB ignores the READ mode, the rollback does not depend on it;
3. a time limit (RUN_CYPHER_TIMEOUT, LIMIT_EXCEEDED) and a row cap (RUN_CYPHER_MAX_ROWS: rows
   past it are not fetched and the result says it was truncated);
4. protected keys are stripped from every node, relationship and map in the result
   (graph/analyst/render.py).

Every call is audited in a transaction of its own (the query's is rolled back): who, role,
purpose, a digest of the query and parameters, rows returned or why it was refused. The
audit event's id comes back with the rows; without the event there is no result.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from graph import audit
from graph.analyst import guard
from graph.analyst.columns import return_columns
from graph.analyst.render import Renderer, render
from graph.cypher import Statement
from graph.errors import BadUserInput, Forbidden, LimitExceeded, NotFound, QueryFailed
from graph.executor import Executor, Fetched, Tx
from graph.risk import analytics

RUN_CYPHER = "runCypher"
RUN_ANALYTICS_QUERY = "runAnalyticsQuery"
FAILED = "FAILED"
_BROWSER_NOTE = "Neo4j Browser / cypher-shell:"


@dataclass(frozen=True)
class Limits:
    """RUN_CYPHER_MAX_ROWS and RUN_CYPHER_TIMEOUT."""

    max_rows: int
    time_limit: float


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool
    max_rows: int
    redactions: int
    audit_event_id: str


@dataclass(frozen=True)
class AnalyticsParam:
    name: str
    type: str
    description: str
    default: Any  # JSON value, or None when the caller must give it


@dataclass(frozen=True)
class AnalyticsQuery:
    name: str
    description: str
    params: list[AnalyticsParam]
    returns: list[str]


class _Refused(Exception):
    """A refusal with the note the audit trail keeps (never the database's own message)."""

    def __init__(self, error: BadUserInput | Forbidden | NotFound, note: str) -> None:
        super().__init__(error.message)
        self.error = error
        self.note = note


async def run_cypher(
    executor: Executor,
    principal: audit.Principal,
    query: str,
    params: Mapping[str, Any] | None,
    limits: Limits,
    *,
    personal_data: bool,
) -> QueryResult:
    """Run an analyst's query text; see the module docstring for what guards it."""
    given = dict(params or {})

    async def attempt() -> Fetched:
        try:
            checked = guard.check(query, personal_data=personal_data)
            guard.check_params(given, personal_data=personal_data)
        except (BadUserInput, Forbidden) as exc:
            raise _Refused(exc, _note(exc)) from exc
        missing = sorted(checked.params - set(given))
        if missing:
            error = BadUserInput(f"no value for the parameters {', '.join(missing)}")
            raise _Refused(error, _note(error))
        values = {k: v for k, v in given.items() if k in checked.params}
        fetched = await executor.read_rolled_back(
            checked.text,
            values,
            max_rows=limits.max_rows,
            time_limit=limits.time_limit,
            name=RUN_CYPHER,
        )
        if fetched.columns or fetched.rows:
            return fetched
        # ArcadeDB names no columns for an empty result; the query's RETURN does.
        return Fetched(return_columns(checked.text), [], truncated=False)

    data = {"query": query, "params": given}
    return await _audited(executor, principal, RUN_CYPHER, data, attempt, limits, personal_data)


async def run_analytics_query(
    executor: Executor,
    principal: audit.Principal,
    name: str,
    params: Mapping[str, Any] | None,
    as_of: date | None,
    limits: Limits,
    *,
    personal_data: bool,
) -> QueryResult:
    """Run one file of cypher/analytics/ by name, with the model's defaults filled in."""
    given = dict(params or {})

    async def attempt() -> Fetched:
        stmt = analytics.QUERIES.get(name)
        try:
            if stmt is None or not stmt.name.startswith("analytics/"):
                known = ", ".join(sorted(analytics.QUERIES))
                raise NotFound(f"no analytics query {name!r}; known: {known}", name=name)
            guard.check_params(given, personal_data=personal_data)
            values = analytics.parameters(name, typed(stmt, given), as_of or date.today())
        except (BadUserInput, Forbidden, NotFound) as exc:
            raise _Refused(exc, _note(exc)) from exc
        fetched = await executor.read_rolled_back(
            stmt, values, max_rows=limits.max_rows, time_limit=limits.time_limit
        )
        if fetched.columns or fetched.rows:
            return fetched
        # ArcadeDB names no columns for an empty result; the file's header does.
        return Fetched(list(stmt.returns), [], truncated=False)

    data = {"name": name, "params": given, "asOf": as_of}
    return await _audited(
        executor, principal, RUN_ANALYTICS_QUERY, data, attempt, limits, personal_data
    )


def _note(exc: BadUserInput | Forbidden | NotFound) -> str:
    """The guard's and the registry's messages name keywords, properties and positions only."""
    return f"{exc.code}: {exc.message}"[:300]


async def _audited(
    executor: Executor,
    principal: audit.Principal,
    operation: str,
    data: Mapping[str, Any],
    attempt: Callable[[], Awaitable[Fetched]],
    limits: Limits,
    personal_data: bool,
) -> QueryResult:
    started = time.monotonic()
    try:
        fetched = await attempt()
    except _Refused as refused:
        await audit.record_refusal(executor, principal, operation, data, [], refused.note)
        raise refused.error from refused.__cause__
    except (BadUserInput, Forbidden) as exc:  # the database refused the text
        note = f"{exc.code}: refused by the database"
        await audit.record_refusal(executor, principal, operation, data, [], note)
        raise
    except LimitExceeded as exc:
        await _record(executor, principal, operation, data, FAILED, f"{exc.code}: time limit")
        raise
    except QueryFailed:
        await _record(executor, principal, operation, data, FAILED, "INTERNAL: statement failed")
        raise
    columns, rows, redactions = render(fetched, personal_data=personal_data)
    ms = round((time.monotonic() - started) * 1000)
    note = f"rows={len(rows)} truncated={str(fetched.truncated).lower()} ms={ms}"
    if redactions:
        note += f" redacted={redactions}"
    event_id = await _record(executor, principal, operation, data, audit.OK, note)
    return QueryResult(
        columns=columns,
        rows=rows,
        truncated=fetched.truncated,
        max_rows=limits.max_rows,
        redactions=redactions,
        audit_event_id=event_id,
    )


async def _record(
    executor: Executor,
    principal: audit.Principal,
    operation: str,
    data: Mapping[str, Any],
    outcome: str,
    note: str,
) -> str:
    async def work(tx: Tx) -> str:
        return await audit.record_event(
            tx, principal, operation, data, [], outcome=outcome, detail=note
        )

    return await executor.unit(work, name=f"audit:{operation}")


# -- the catalogue -----------------------------------------------------------------------------
def typed(stmt: Statement, given: Mapping[str, Any]) -> dict[str, Any]:
    """JSON parameter values as the file declares them: ISO strings become dates; numbers,
    strings and lists are checked."""
    declared = {p.name: p.type.upper() for p in stmt.params}
    out: dict[str, Any] = {}
    for key, value in given.items():
        kind = declared.get(key, "")
        if value is None or not kind:
            out[key] = value
            continue
        try:
            out[key] = _convert(kind, value)
        except (TypeError, ValueError) as exc:
            raise BadUserInput(f"{key} must be a {kind}: {exc}", field=key) from exc
    return out


def _convert(kind: str, value: Any) -> Any:
    if kind == "DATE":
        return date.fromisoformat(str(value))
    if kind == "DATETIME":
        return datetime.fromisoformat(str(value))
    if kind == "INTEGER":
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("an integer is needed")
        return value
    if kind == "FLOAT":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError("a number is needed")
        return float(value)
    if kind == "STRING" and not isinstance(value, str):
        raise TypeError("a string is needed")
    if kind.startswith("LIST") and not isinstance(value, list):
        raise TypeError("a list is needed")
    return value


def catalogue(as_of: date) -> list[AnalyticsQuery]:
    """Every runnable file of cypher/analytics/ with its header: what it answers, its
    parameters (with the defaults the model and schemes give on `as_of`) and its columns."""
    base = analytics.defaults(as_of)
    r = Renderer(personal_data=True)  # defaults are model data; only their JSON form is needed
    out = []
    for name, stmt in sorted(analytics.QUERIES.items()):
        description = stmt.doc.split(_BROWSER_NOTE)[0].strip()
        params = [
            AnalyticsParam(p.name, p.type, p.doc, r.value(base.get(p.name))) for p in stmt.params
        ]
        out.append(AnalyticsQuery(name, description, params, list(stmt.returns)))
    return out
