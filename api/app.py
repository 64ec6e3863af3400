"""The Starlette application: lifespan, `/graphql` (GraphiQL for browsers outside production:
api/graphiql.py), `/healthz`, `/readyz`, `/metrics` and the explorer (`/explore`, `/`
redirecting to it; api/explorer.py).
Wiring only."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from opentelemetry.trace import TracerProvider
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError
from strawberry.types.unset import UNSET, UnsetType

from api.auth import authenticate, needs_thread
from api.context import Context
from api.database import connect
from api.explorer import explorer_routes
from api.graphiql import graphiql_page, graphiql_routes
from api.graphql_http import GraphQLOverHTTP
from api.middleware import http_middleware
from api.observability.database import DatabaseProbe
from api.observability.http import Observability
from api.observability.metrics import Metrics, metrics_endpoint
from api.observability.tracing import tracer_of, tracer_provider_from
from api.schema import schema
from api.settings import Settings, get_settings
from graph.alerts.fanout import alert_worker
from graph.errors import Unauthenticated, Unavailable
from graph.executor import Executor
from graph.migrate import migrate
from graph.risk.refresh import refresh_worker

log = logging.getLogger("creditgraph")
HOME_DATABASE = "(home database)"  # NEO4J_DATABASE unset: the server's default

Startup = Callable[[Executor, bytes], Awaitable[None]]


class CreditGraphQL(GraphQLOverHTTP):
    def __init__(self, settings: Settings) -> None:
        super().__init__(schema, graphql_ide="graphiql" if settings.graphiql else None)
        self.settings = settings

    async def render_graphql_ide(self, request: Request) -> Response:
        """The project's own GraphiQL build (api/graphiql.py), not strawberry's CDN page."""
        return graphiql_page()

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None = None
    ) -> Context:
        executor: Executor = request.app.state.executor
        resp = response if isinstance(response, Response) else None
        ctx = Context(request=request, response=resp, executor=executor, settings=self.settings)
        try:
            if needs_thread(self.settings, request.headers):
                ctx.principal = await asyncio.to_thread(
                    authenticate, self.settings, request.headers
                )
            else:
                ctx.principal = authenticate(self.settings, request.headers)
        except Unauthenticated as exc:
            ctx.auth_error = exc
        return ctx

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """graphql-transport-ws: a token in connection_init's payload (browsers cannot set
        headers on a websocket) replaces the upgrade request's; a bad one closes with 4403."""
        params = context.connection_params or {}
        header = params.get("authorization") or params.get("Authorization")
        if header is not None:
            headers = {"authorization": str(header)}
            try:
                context.principal = authenticate(self.settings, headers)
                context.auth_error = None
            except Unauthenticated as exc:
                raise ConnectionRejectionError({"message": exc.message}) from exc
        elif context.auth_error is not None:
            raise ConnectionRejectionError({"message": context.auth_error.message})
        unset: UnsetType = UNSET
        return unset


def settle_heap() -> None:
    """Move what startup built (the schema, modules, settings) out of the collector's reach.

    A full collection walked all of it: 85 ms pauses, the entity card's p99 in-process (48 ms
    against a p50 of 13). Frozen, a full collection sees only what requests left behind (14 ms;
    BENCHMARKS.md, section graphql)."""
    gc.collect()
    gc.freeze()


async def healthz(_: Request) -> Response:
    """The process is alive (says nothing about the database)."""
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    """The database answers; 503 otherwise."""
    executor: Executor = request.app.state.executor
    try:
        await executor.ping()
    except Unavailable as exc:
        return JSONResponse({"status": "unavailable", "reason": exc.message}, status_code=503)
    return JSONResponse({"status": "ready", "database": executor.database or HOME_DATABASE})


def create_app(
    settings: Settings | None = None,
    *,
    on_startup: Startup | None = None,
    tracer_provider: TracerProvider | None = None,
) -> Starlette:
    """Build the app. `on_startup` runs after migrations (e.g. loading the demo data).
    `tracer_provider` replaces the one the settings configure (a test's in-memory exporter)."""
    settings = settings or get_settings()
    own_provider = None if tracer_provider is not None else tracer_provider_from(settings)
    metrics = Metrics() if settings.metrics_enabled else None
    observability = Observability(metrics, tracer_of(tracer_provider or own_provider))

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        settings.check_production()  # however it is started: no public default secrets
        async with connect(settings) as executor:
            executor.probe = DatabaseProbe(
                metrics, observability.tracer, executor.database or HOME_DATABASE
            )
            applied = await migrate(executor)
            log.info("schema: %d statements applied", applied)
            if on_startup is not None:
                await on_startup(executor, settings.id_hash_key.get_secret_value().encode())
            app.state.executor = executor
            async with (
                refresh_worker(
                    executor, settings.risk_refresh_interval, settings.lease_ttl
                ) as worker,
                alert_worker(executor, settings.alert_interval, settings.lease_ttl) as alerts,
            ):
                app.state.alert_worker = alerts
                if metrics is not None:
                    metrics.refresh.worker = worker
                settle_heap()
                try:
                    yield
                finally:
                    if own_provider is not None:
                        own_provider.shutdown()  # sends the spans still queued

    graphql = CreditGraphQL(settings)
    return Starlette(
        debug=False,
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),  # the `alerts` subscription
            *([Route("/metrics", metrics_endpoint(metrics, settings))] if metrics else []),
            *explorer_routes(),
            *(graphiql_routes() if settings.graphiql else []),
        ],
        middleware=http_middleware(settings, graphql, observability),
        lifespan=lifespan,
    )
