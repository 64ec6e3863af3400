"""Wiring settings to a live graph connection: the embedded server or a configured Neo4j."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from api.settings import Settings
from graph.embedded import EmbeddedServer
from graph.executor import Executor, open_driver

log = logging.getLogger("creditgraph.database")
EMBEDDED_DATABASE = "creditgraph"  # the embedded server's database and user are its own
EMBEDDED_USER = "root"


def database_name(settings: Settings) -> str | None:
    """The database to use: NEO4J_DATABASE, else the embedded one, else the server's home."""
    if settings.neo4j_database:
        return settings.neo4j_database
    return EMBEDDED_DATABASE if settings.embedded else None


def embedded_server(settings: Settings) -> EmbeddedServer:
    return EmbeddedServer(
        settings.graphdb_dir,
        database=database_name(settings) or EMBEDDED_DATABASE,
        bolt_port=settings.graphdb_bolt_port,
        http_port=settings.graphdb_http_port,
        heap=settings.graphdb_heap,
    )


@asynccontextmanager
async def connect(settings: Settings, *, start_embedded: bool = True) -> AsyncIterator[Executor]:
    """Yield an executor on the configured database, closing everything it opened on exit.

    Without NEO4J_URI the embedded server on GRAPHDB_DIR is used: reused when already running
    (`creditgraph db start`), otherwise started attached to this process and stopped on exit.
    """
    started: EmbeddedServer | None = None
    if settings.embedded:
        server = embedded_server(settings)
        info = server.running()
        if info is None:
            if not start_embedded:
                from graph.errors import Unavailable

                raise Unavailable(f"no embedded graph server runs on {settings.graphdb_dir}")
            log.info("starting the embedded graph server on %s", settings.graphdb_dir)
            info = await asyncio.to_thread(server.start, attached=True)
            started = server
        uri, username, password = info.uri, EMBEDDED_USER, server.password
    else:
        assert settings.neo4j_uri is not None
        uri, username = settings.neo4j_uri, settings.neo4j_username
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
    try:
        driver = await open_driver(uri, username, password, settings.neo4j_connect_timeout)
        try:
            yield Executor(
                driver,
                database_name(settings),
                uri=uri,
                timeout=settings.neo4j_query_timeout,
                ping_timeout=settings.neo4j_connect_timeout,
                max_in_flight=settings.neo4j_max_transactions,
            )
        finally:
            await driver.close()
    finally:
        if started is not None:
            log.info("stopping the embedded graph server")
            await asyncio.to_thread(started.stop)
