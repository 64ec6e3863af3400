"""HTTP middleware: security headers on every response, CORS, and the request size limit.

Pure ASGI middleware (no `BaseHTTPMiddleware`), outermost first:

0. `RequestObserver` (api/observability/http.py): the request id (`X-Request-ID`), the access
   line and the request metrics, around everything else so refusals are counted too;
1. `SecurityHeaders`: nosniff, no referrer, no framing, a Content-Security-Policy (strict for the
   API's JSON; for GraphiQL's page and the explorer under /explore, this origin only: both are
   bundled by the project, api/graphiql.py and api/explorer.py), `Cache-Control: no-store` on
   /graphql, and HSTS only behind TLS (BEHIND_TLS);
2. CORS (starlette's `CORSMiddleware`), only when CORS_ORIGINS lists origins;
3. `RequestSizeLimit`: a body above MAX_REQUEST_BYTES is refused with 413 before anything parses
   it, by its Content-Length or, for a chunked body without one, while it is being received.
"""

from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.graphiql import GRAPHIQL_CSP
from api.graphql_http import GraphQLOverHTTP, error_response, negotiate
from api.observability.http import Observability, RequestObserver
from api.observability.request_id import HEADER as REQUEST_ID_HEADER
from api.settings import Settings
from graph.errors import BadUserInput, LimitExceeded

GRAPHQL_PATH = "/graphql"
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
# The explorer (api/explorer.py): its own bundled script and stylesheet, requests to this origin
# only; no inline script or style. img-src allows blob: and data: for the PNG export.
EXPLORER_PREFIX = "/explore"
EXPLORER_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
)
HSTS = "max-age=31536000"
STATIC_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
CORS_HEADERS = ["Authorization", "Content-Type", "X-Purpose"]


class SecurityHeaders:
    """Add the security headers to every HTTP response (headers the app set itself win, except
    Cache-Control on /graphql, which is always no-store)."""

    def __init__(self, app: ASGIApp, *, html_csp: str | None = None, hsts: bool = False) -> None:
        self.app = app
        self.html_csp = html_csp
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        graphql = path == GRAPHQL_PATH
        explorer = path == EXPLORER_PREFIX or path.startswith(f"{EXPLORER_PREFIX}/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", []))
                headers = MutableHeaders(scope=message)
                for name, value in STATIC_HEADERS.items():
                    headers.setdefault(name, value)
                html = headers.get("content-type", "").startswith("text/html")
                csp = self.html_csp if html and self.html_csp else API_CSP
                if explorer:
                    csp = EXPLORER_CSP
                headers.setdefault("Content-Security-Policy", csp)
                if graphql:
                    headers["Cache-Control"] = "no-store"
                if self.hsts:
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RequestSizeLimit:
    """Refuse request bodies above `max_bytes` with 413 (LIMIT_EXCEEDED) before the app sees them.

    A declared Content-Length above the limit is refused without reading the body. Otherwise the
    body is received here, counted as it arrives, and handed on whole; a chunked body is refused
    as soon as it passes the limit. The app parses the body in one piece anyway, so buffering it
    here costs no extra memory beyond the limit.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                await self._refuse(scope, receive, send, 400, "Content-Length is not a number.")
                return
            if int(declared) > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client left: nobody to answer
            chunk: bytes = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            more = bool(message.get("more_body", False))
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if delivered:
                return await receive()  # e.g. http.disconnect, for whoever waits for it
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"The request body is larger than {self.max_bytes} bytes."
        await self._refuse(
            scope,
            receive,
            send,
            413,
            message,
            LimitExceeded.code,
            limitName="requestBytes",
            limit=self.max_bytes,
        )

    @staticmethod
    async def _refuse(
        scope: Scope,
        receive: Receive,
        send: Send,
        status: int,
        message: str,
        code: str = BadUserInput.code,
        **extensions: object,
    ) -> None:
        # The rest of the body stays unread: the connection must not carry another request.
        accept = Headers(scope=scope).get("accept")
        response = error_response(
            status,
            message,
            code,
            media_type=negotiate(accept),
            headers={"Connection": "close"},
            **extensions,
        )
        await response(scope, receive, send)


def http_middleware(
    settings: Settings, view: GraphQLOverHTTP, observability: Observability | None = None
) -> list[Middleware]:
    """The middleware stack for `Starlette(middleware=…)`, outermost first."""
    html_csp = GRAPHIQL_CSP if view.graphql_ide else None
    stack = (
        [] if observability is None else [Middleware(RequestObserver, observability=observability)]
    )
    stack.append(Middleware(SecurityHeaders, html_csp=html_csp, hsts=settings.behind_tls))
    if settings.cors_origins:
        stack.append(
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST"],
                allow_headers=[*CORS_HEADERS, REQUEST_ID_HEADER],
                expose_headers=[REQUEST_ID_HEADER],
                max_age=600,
            )
        )
    stack.append(Middleware(RequestSizeLimit, max_bytes=settings.max_request_bytes))
    return stack
