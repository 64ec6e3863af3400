"""One doorway to the database: every statement runs here, in a managed transaction.

The executor always names the database, tags transactions with metadata, converts driver values
to Python ones, and maps driver errors onto `graph.errors` so nothing above `graph/` imports
`neo4j` exceptions. It also counts round trips, which the N+1 tests read, and hands each unit of
work and each statement to its `Probe` (timings and trace spans: api/observability/database.py).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import AbstractContextManager, asynccontextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import neo4j
from neo4j import AsyncDriver, AsyncManagedTransaction
from neo4j import exceptions as nx
from neo4j import time as ntime

from graph.cypher import Statement, statement
from graph.errors import (
    BadUserInput,
    Conflict,
    CreditGraphError,
    Forbidden,
    LimitExceeded,
    QueryFailed,
    Unavailable,
)

log = logging.getLogger(__name__)

Record = dict[str, Any]
T = TypeVar("T")

PING = statement("system/ping")
# Concurrent commits the driver does not retry. ArcadeDB reports a transaction that read a record
# or edge-list chunk another transaction just rewrote (concurrent designations, bench/load.py)
# as an *unexpected* client error (GQL status 50N42) with one of these codes, not as a transient
# error; such a unit is run again, at most UNEXPECTED_RERUNS times, so a real bug still fails.
# A transient error the driver gave up on (it retries for 10 s) is run again while time is left.
RERUN_CODES = frozenset(
    {"Neo.ClientError.Statement.EntityNotFound", "Neo.ClientError.Statement.SemanticError"}
)
UNEXPECTED = "50N42"
UNEXPECTED_RERUNS = 3
RERUN_BACKOFF = 0.05  # seconds before the first rerun, doubled each time, jittered
# True while the current task holds a transaction slot: a unit nested in another unit's work (or
# the readiness probe) does not queue for a second slot, so nesting cannot deadlock.
_SLOTTED: ContextVar[bool] = ContextVar("creditgraph_slotted", default=False)
EXPLAIN = "EXPLAIN "  # the planner prefix, not a statement


_PLAIN = frozenset({str, int, float, bool, type(None)})
_TEMPORAL = (ntime.Date, ntime.DateTime, ntime.Time)
_GRAPH = (neo4j.graph.Node, neo4j.graph.Relationship, neo4j.graph.Path)


class _GraphValue(Exception):
    """A node, relationship or path in a row: `Record.data()` knows how to flatten those."""


def to_native(value: Any) -> Any:
    """Driver temporal values become `datetime` objects; containers are converted deeply.
    Typed by `type()` first: this runs once per value of every row. A node, relationship or path
    raises `_GraphValue` (its row is flattened by the driver first, see `_row`)."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is list:
        return [to_native(v) for v in value]
    if kind is dict:
        return {k: to_native(v) for k, v in value.items()}
    if isinstance(value, _TEMPORAL):
        return value.to_native()
    if isinstance(value, _GRAPH):
        raise _GraphValue
    return value


def _row(record: neo4j.Record) -> Record:
    """One pass over a row, instead of the driver's `Record.data()` walk plus ours (a quarter of
    a wide response's time); rows holding graph objects take the driver's walk first."""
    try:
        return {k: to_native(v) for k, v in zip(record.keys(), record, strict=True)}
    except _GraphValue:
        return {k: to_native(v) for k, v in record.data().items()}


def _params(stmt: Statement, given: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(given) - stmt.param_names
    if unknown:
        raise QueryFailed(f"{stmt.name}: undeclared parameters {sorted(unknown)}")
    return {name: given.get(name) for name in stmt.param_names}


def _worth_rerun(exc: nx.Neo4jError, reruns: int) -> bool:
    """True for a unit that failed on a concurrent change rather than on its own statements."""
    if isinstance(exc, nx.TransientError):
        return True
    return exc.code in RERUN_CODES and exc.gql_status == UNEXPECTED and reruns < UNEXPECTED_RERUNS


@dataclass
class ExecutorStats:
    round_trips: int = 0


class Probe(Protocol):
    """What watches the executor's work. Each call returns a context manager held around the
    work: a unit of work (one transaction, with its reruns and its wait for a slot) or one
    statement (sent and all its rows read). It sees names only, never parameters, which may
    hold personal data."""

    def unit(self, name: str, *, write: bool) -> AbstractContextManager[object]: ...

    def statement(self, name: str) -> AbstractContextManager[object]: ...


class NoProbe:
    """Watches nothing (the default: CLI commands, benchmarks, tests of `graph/`)."""

    _NOTHING = nullcontext()

    def unit(self, name: str, *, write: bool) -> AbstractContextManager[object]:
        return self._NOTHING

    def statement(self, name: str) -> AbstractContextManager[object]:
        return self._NOTHING


@dataclass(frozen=True)
class Fetched:
    """What `read_rolled_back` fetched: column names, the driver's values row by row, and
    whether rows were left unread at the cap."""

    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


class Tx:
    """A transaction handed to a unit of work; statements run in it share its fate."""

    def __init__(self, tx: AsyncManagedTransaction, stats: ExecutorStats, probe: Probe) -> None:
        self._tx = tx
        self._stats = stats
        self._probe = probe

    async def run(self, stmt: Statement, **params: Any) -> list[Record]:
        self._stats.round_trips += 1
        with self._probe.statement(stmt.name):
            result = await self._tx.run(stmt.body, _params(stmt, params))
            return [_row(record) async for record in result]

    async def one(self, stmt: Statement, **params: Any) -> Record | None:
        rows = await self.run(stmt, **params)
        return rows[0] if rows else None


class Executor:
    """Runs named statements against one database through one driver."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str | None,
        *,
        uri: str,
        timeout: float = 30.0,
        ping_timeout: float | None = None,
        max_in_flight: int = 0,
        app: str = "creditgraph",
    ) -> None:
        self.driver = driver
        self.database = database
        self.uri = uri
        self.timeout = timeout
        self.ping_timeout = ping_timeout or timeout
        # At most `max_in_flight` transactions at once (0: no bound); further units wait, within
        # their time limit. A database with a few cores serves a few statements at a time: more
        # in flight only makes every statement wait behind all the others, and a unit of many
        # statements (a designation) then outlives its time limit (bench/load.py, 32 clients).
        self._slots = asyncio.Semaphore(max_in_flight) if max_in_flight > 0 else None
        self.app = app
        self.stats = ExecutorStats()
        self.probe: Probe = NoProbe()

    async def read(self, stmt: Statement, **params: Any) -> list[Record]:
        return await self.unit(lambda tx: tx.run(stmt, **params), write=False, name=stmt.name)

    async def write(self, stmt: Statement, **params: Any) -> list[Record]:
        return await self.unit(lambda tx: tx.run(stmt, **params), write=True, name=stmt.name)

    async def read_one(self, stmt: Statement, **params: Any) -> Record | None:
        rows = await self.read(stmt, **params)
        return rows[0] if rows else None

    async def write_one(self, stmt: Statement, **params: Any) -> Record | None:
        rows = await self.write(stmt, **params)
        return rows[0] if rows else None

    async def unit(
        self,
        work: Callable[[Tx], Awaitable[T]],
        *,
        write: bool = True,
        name: str = "unit",
        metadata: Mapping[str, Any] | None = None,
        time_limit: float | None = None,
    ) -> T:
        """Run `work` in one managed transaction: all of it commits, or none of it does.

        The driver retries transient failures (e.g. write conflicts, a restarting server), and
        the executor reruns units that met a concurrent change (`RERUN_CODES`), until
        `time_limit` (default: the executor's timeout); a unit of work must therefore be safe to
        run again from the start.
        """
        limit = time_limit or self.timeout

        async def body(tx: AsyncManagedTransaction) -> T:
            return await work(Tx(tx, self.stats, self.probe))

        txfn = neo4j.unit_of_work(
            metadata={"app": self.app, "op": name, **(metadata or {})}, timeout=limit
        )(body)
        with self.probe.unit(name, write=write):
            return await self._run_unit(txfn, write=write, name=name, limit=limit)

    async def _run_unit(
        self,
        txfn: Callable[[AsyncManagedTransaction], Awaitable[T]],
        *,
        write: bool,
        name: str,
        limit: float,
    ) -> T:
        """`unit`'s transaction, its reruns, and the mapping of driver errors."""
        try:
            async with asyncio.timeout(limit), self._slot():
                reruns = 0
                while True:
                    try:
                        async with self.driver.session(database=self.database) as session:
                            run = session.execute_write if write else session.execute_read
                            return await run(txfn)
                    except nx.Neo4jError as exc:
                        if not _worth_rerun(exc, reruns):
                            raise
                        log.info("%s met a concurrent change (%s): run again", name, exc.code)
                        await asyncio.sleep(RERUN_BACKOFF * 2 ** min(reruns, 5) * random.random())
                        reruns += 1
        except CreditGraphError:
            raise
        except nx.ConstraintError as exc:
            raise Conflict(f"the change conflicts with existing data ({name})") from exc
        except TimeoutError as exc:  # before OSError, of which it is a subclass
            raise Unavailable(
                f"graph database at {self.uri} did not answer within {limit:g} s"
            ) from exc
        except (nx.ServiceUnavailable, nx.SessionExpired, OSError) as exc:
            raise Unavailable(f"graph database at {self.uri} is unavailable") from exc
        except nx.TransientError as exc:
            raise Unavailable(f"graph database at {self.uri} is busy, try again") from exc
        except nx.Neo4jError as exc:
            log.error("statement %s failed: %s", name, exc)
            raise QueryFailed(f"statement {name} failed") from exc
        except nx.DriverError as exc:
            raise Unavailable(f"graph database at {self.uri}: {exc}") from exc

    async def explain(self, stmt: Statement) -> None:
        """Have the database plan `stmt` without running it (all parameters null)."""
        async with self.driver.session(database=self.database) as session:
            result = await session.run(EXPLAIN + stmt.body, {p: None for p in stmt.param_names})
            await result.consume()

    async def read_rolled_back(
        self,
        query: Statement | str,
        params: Mapping[str, Any],
        *,
        max_rows: int,
        time_limit: float,
        name: str = "adhoc",
    ) -> Fetched:
        """Run `query` in a READ transaction that is always rolled back; at most `max_rows` rows.

        The one exception to "Cypher lives in cypher/": `query` may be an analyst's own text
        (runCypher), which is data here, not a project statement; graph/analyst/guard.py has
        checked and normalised it. READ access mode asks the server to refuse writes (Neo4j
        does, ArcadeDB ignores it) and the transaction is rolled back, never committed, so no
        data change persists on either (ArcadeDB applies schema commands at once all the same:
        the guard must refuse those). Values come back as the driver gives them (nodes, paths,
        temporal values) for the caller to render. `time_limit` is set on the server transaction
        and on the client (ArcadeDB ignores the former and keeps computing after the client
        gave up): LIMIT_EXCEEDED. A text the server refuses is BAD_USER_INPUT (its message only
        for syntax errors, which quote the text, since other messages may quote data), or
        FORBIDDEN for a write it refused.
        """
        named = isinstance(query, Statement)
        text = query.body if isinstance(query, Statement) else query
        values = _params(query, params) if isinstance(query, Statement) else dict(params)
        label = query.name if isinstance(query, Statement) else name

        async def fetch() -> Fetched:
            async with self.driver.session(
                database=self.database,
                default_access_mode=neo4j.READ_ACCESS,
                fetch_size=min(max_rows + 1, 1000),
            ) as session:
                tx = await session.begin_transaction(
                    metadata={"app": self.app, "op": label}, timeout=time_limit
                )
                try:
                    self.stats.round_trips += 1
                    with self.probe.statement(label):
                        result = await tx.run(text, values)
                        rows: list[list[Any]] = []
                        async for record in result:
                            if len(rows) == max_rows:
                                return Fetched(list(result.keys()), rows, truncated=True)
                            rows.append(list(record.values()))
                        return Fetched(list(result.keys()), rows, truncated=False)
                finally:
                    if not tx.closed():
                        try:
                            await tx.rollback()
                        except (nx.DriverError, nx.Neo4jError, OSError):
                            log.info("rollback of %s failed; the server drops the tx", label)

        with self.probe.unit(label, write=False):
            return await self._fetch_mapped(fetch, label, named=named, time_limit=time_limit)

    async def _fetch_mapped(
        self, fetch: Callable[[], Awaitable[Fetched]], label: str, *, named: bool, time_limit: float
    ) -> Fetched:
        """`read_rolled_back`'s fetch within its time limit (`_within`), driver errors mapped."""
        try:
            return await _within(fetch(), time_limit)
        except CreditGraphError:
            raise
        except TimeoutError as exc:
            raise LimitExceeded(
                f"the query ran longer than {time_limit:g} s and was stopped: anchor it on an "
                "indexed key, bound its patterns or add a LIMIT"
            ) from exc
        except nx.TransientError as exc:
            raise Unavailable(f"graph database at {self.uri} is busy, try again") from exc
        except nx.Neo4jError as exc:
            code = exc.code or ""
            if "TransactionTimedOut" in code:
                raise LimitExceeded(f"the query ran longer than {time_limit:g} s") from exc
            if "AccessMode" in code or isinstance(exc, nx.Forbidden):
                raise Forbidden("the database refused a write: this query may only read") from exc
            if named:
                log.error("statement %s failed: %s", label, exc)
                raise QueryFailed(f"statement {label} failed") from exc
            log.info("ad-hoc query %s refused by the database (%s)", label, code)
            if isinstance(exc, nx.CypherSyntaxError):
                raise BadUserInput(f"the database cannot parse the query: {exc.message}") from exc
            raise BadUserInput(f"the database refused the query ({code or 'no code'})") from exc
        except (nx.ServiceUnavailable, nx.SessionExpired, OSError) as exc:
            raise Unavailable(f"graph database at {self.uri} is unavailable") from exc
        except nx.DriverError as exc:
            raise Unavailable(f"graph database at {self.uri}: {exc}") from exc

    @asynccontextmanager
    async def _slot(self) -> AsyncIterator[None]:
        """Hold one of the `max_in_flight` transaction slots for the block."""
        if self._slots is None or _SLOTTED.get():
            yield
            return
        async with self._slots:
            token = _SLOTTED.set(True)
            try:
                yield
            finally:
                _SLOTTED.reset(token)

    async def ping(self) -> None:
        """Raise `Unavailable` unless the database answers a trivial statement within the ping
        timeout: a readiness probe must not wait as long as a query may, nor queue for a slot."""
        token = _SLOTTED.set(True)
        try:
            await self.unit(
                lambda tx: tx.run(PING), write=False, name=PING.name, time_limit=self.ping_timeout
            )
        finally:
            _SLOTTED.reset(token)


async def open_driver(
    uri: str, username: str, password: str, connect_timeout: float
) -> AsyncDriver:
    """Create the driver and prove the server answers; `Unavailable` names the URI if not."""
    driver = neo4j.AsyncGraphDatabase.driver(
        uri,
        auth=(username, password),
        connection_timeout=connect_timeout,
        connection_acquisition_timeout=connect_timeout * 2,
        max_transaction_retry_time=10.0,
        notifications_min_severity="OFF",
    )
    try:
        await asyncio.wait_for(driver.verify_connectivity(), timeout=connect_timeout * 2)
    except (nx.Neo4jError, nx.DriverError, OSError, TimeoutError) as exc:
        await driver.close()
        raise Unavailable(
            f"cannot reach the graph database at {uri}: {exc or type(exc).__name__}"
        ) from exc
    return driver


async def _within(work: Awaitable[T], limit: float) -> T:
    """`work`'s result, or TimeoutError at `limit` without waiting for `work` to give up.

    `asyncio.wait_for` waits for the cancelled work and returns its result when the driver
    swallows the cancellation (it did, now and then, in a busy test run: a query "finished"
    past its limit). Past the limit, or when the caller goes away, the work is cancelled and
    closes its session in the background, its outcome retrieved.
    """
    task = asyncio.ensure_future(work)
    try:
        done, _ = await asyncio.wait({task}, timeout=limit)
    finally:
        if not task.done():
            task.cancel()
            task.add_done_callback(_discard_outcome)
    if not done:
        raise TimeoutError
    return task.result()


def _discard_outcome(task: asyncio.Future[Any]) -> None:
    """Retrieve a cancelled fetch's outcome so it is not reported as never retrieved."""
    if not task.cancelled():
        task.exception()
