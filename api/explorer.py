"""The investigator's explorer: a static page at `/explore` (and `/` redirecting to it).

The page is built from web/explorer by `make web` (npm, esbuild) into api/static/explorer, and
the built files are committed, so serving needs no Node. It talks only to `/graphql`; its
Content-Security-Policy (api/middleware.py, `EXPLORER_CSP`) allows nothing but this origin.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

EXPLORER_PATH = "/explore"
STATIC = Path(__file__).resolve().parent / "static" / "explorer"


async def explorer_page(_: Request) -> Response:
    """The single page; its script and stylesheet come from /explore/assets."""
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")


async def home(_: Request) -> Response:
    """`/` is the explorer (a person opening the service's address wants to look at the graph)."""
    return RedirectResponse(EXPLORER_PATH, status_code=307)


def explorer_routes() -> list[BaseRoute]:
    """`/`, `/explore` and `/explore/assets/…` (the built files; missing ones are 404)."""
    return [
        Route("/", home, methods=["GET", "HEAD"]),
        Route(EXPLORER_PATH, explorer_page, methods=["GET", "HEAD"]),
        Mount(
            f"{EXPLORER_PATH}/assets",
            app=StaticFiles(directory=STATIC, check_dir=False),
            name="explorer-assets",
        ),
    ]
