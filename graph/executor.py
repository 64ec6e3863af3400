"""One doorway to the database: every statement runs here, in a managed transaction.

The executor always names the database, tags transactions with metadata, converts driver values
to Python ones, and maps driver errors onto `graph.errors` so nothing above `graph/` imports
`neo4j` exceptions. It also counts round trips, which the N+1 tests read.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import neo4j
from neo4j import AsyncDriver, AsyncManagedTransaction
from neo4j import exceptions as nx
from neo4j import time as ntime

from graph.cypher import Statement, statement
from graph.errors import Conflict, CreditGraphError, QueryFailed, Unavailable

log = logging.getLogger(__name__)

Record = dict[str, Any]
T = TypeVar("T")

PING = statement("system/ping")
EXPLAIN = "EXPLAIN "  # the planner prefix, not a statement


def to_native(value: Any) -> Any:
    """Driver temporal values become `datetime` objects; containers are converted deeply."""
    if isinstance(value, ntime.Date | ntime.DateTime | ntime.Time):
        return value.to_native()
    if isinstance(value, list):
        return [to_native(v) for v in value]
    if isinstance(value, dict):
        return {k: to_native(v) for k, v in value.items()}
    return value


def _params(stmt: Statement, given: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(given) - stmt.param_names
    if unknown:
        raise QueryFailed(f"{stmt.name}: undeclared parameters {sorted(unknown)}")
    return {name: given.get(name) for name in stmt.param_names}


@dataclass
class ExecutorStats:
    round_trips: int = 0


class Tx:
    """A transaction handed to a unit of work; statements run in it share its fate."""

    def __init__(self, tx: AsyncManagedTransaction, stats: ExecutorStats) -> None:
        self._tx = tx
        self._stats = stats

    async def run(self, stmt: Statement, **params: Any) -> list[Record]:
        self._stats.round_trips += 1
        result = await self._tx.run(stmt.body, _params(stmt, params))
        return [to_native(r) for r in await result.data()]

    async def one(self, stmt: Statement, **params: Any) -> Record | None:
        rows = await self.run(stmt, **params)
        return rows[0] if rows else None


class Executor:
    """Runs named statements against one database through one driver."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str,
        *,
        uri: str,
        timeout: float = 30.0,
        app: str = "creditgraph",
    ) -> None:
        self.driver = driver
        self.database = database
        self.uri = uri
        self.timeout = timeout
        self.app = app
        self.stats = ExecutorStats()

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
    ) -> T:
        """Run `work` in one managed transaction: all of it commits, or none of it does.

        The driver retries transient failures (e.g. write conflicts); a unit of work must
        therefore be safe to run again from the start.
        """

        async def body(tx: AsyncManagedTransaction) -> T:
            return await work(Tx(tx, self.stats))

        txfn = neo4j.unit_of_work(
            metadata={"app": self.app, "op": name, **(metadata or {})}, timeout=self.timeout
        )(body)
        try:
            async with self.driver.session(database=self.database) as session:
                run = session.execute_write if write else session.execute_read
                return await asyncio.wait_for(run(txfn), timeout=self.timeout)
        except CreditGraphError:
            raise
        except nx.ConstraintError as exc:
            raise Conflict(f"the change conflicts with existing data ({name})") from exc
        except (nx.ServiceUnavailable, nx.SessionExpired, OSError) as exc:
            raise Unavailable(f"graph database at {self.uri} is unavailable") from exc
        except TimeoutError as exc:
            raise Unavailable(
                f"graph database at {self.uri} did not answer within {self.timeout:g} s"
            ) from exc
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

    async def ping(self) -> None:
        """Raise `Unavailable` unless the database answers a trivial statement."""
        await self.read(PING)


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
