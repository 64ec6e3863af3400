"""GraphiQL at `GET /graphql` (a browser asking for HTML), served from the project itself.

The page and its bundle are built from web/graphiql by `make web` (npm, esbuild) into
api/static/graphiql, and the built files are committed, so serving needs no Node and the page
loads nothing from the internet. Off in production (Settings.graphiql).
"""

from __future__ import annotations

from pathlib import Path

from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

STATIC = Path(__file__).resolve().parent / "static" / "graphiql"
ASSETS_PATH = "/graphql/assets"
# One bundled script and one stylesheet from this origin, queries to this origin. Inline styles
# stay allowed: CodeMirror and GraphiQL's resizable panes set element styles as they run.
GRAPHIQL_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "font-src 'self' data:",
        "img-src 'self' data:",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    ]
)


def graphiql_page() -> Response:
    """The page (no inline script; a `<noscript>` note for a browser without JavaScript)."""
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


def graphiql_routes() -> list[BaseRoute]:
    """`/graphql/assets/…`: the built script and stylesheet (missing files are 404)."""
    return [
        Mount(
            ASSETS_PATH,
            app=StaticFiles(directory=STATIC, check_dir=False),
            name="graphiql-assets",
        )
    ]
