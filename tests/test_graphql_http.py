"""GraphQL-over-HTTP conformance: graphql-http's `auditServer` against a live server.

The server is uvicorn serving the session's app on a free loopback port, in this test's event
loop (so the Node audit runs as an asyncio subprocess, never blocking the loop that serves it).
Every MUST has to pass; failed SHOULDs and MAYs are reported as `AuditWarning`s in pytest's
warnings summary. The audit script is tools/graphql-http-audit/audit.mjs (`npm ci` in
`make setup`).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import warnings
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from api.settings import Settings
from graph.embedded import free_port

ROOT = Path(__file__).resolve().parents[1]
AUDIT_DIR = ROOT / "tools" / "graphql-http-audit"
AUDIT = AUDIT_DIR / "audit.mjs"
LIBRARY = AUDIT_DIR / "node_modules" / "graphql-http" / "package.json"
TIMEOUT = 120  # seconds for one audit run (about 60 requests)


class AuditWarning(UserWarning):
    """A SHOULD or MAY of the GraphQL-over-HTTP spec that the server does not meet."""


@asynccontextmanager
async def serving(app: ASGIApp) -> AsyncIterator[str]:
    """Serve `app` with uvicorn on a free loopback port; yields the /graphql URL."""
    port = free_port()
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, lifespan="off", log_level="warning", ws="none"
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        for _ in range(200):
            if server.started or task.done():
                break
            await asyncio.sleep(0.05)
        assert server.started, "uvicorn did not start"
        yield f"http://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, 30)


async def run_audit(url: str) -> tuple[int, dict[str, Any], str]:
    """Exit status, decoded report and stderr of `node audit.mjs URL`."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: the GraphQL-over-HTTP audit needs Node.js (>= 20)")
    if not LIBRARY.is_file():
        pytest.fail(
            f"{LIBRARY.relative_to(ROOT)} is missing: run `make setup` "
            "(it runs `npm ci --prefix tools/graphql-http-audit`)"
        )
    process = await asyncio.create_subprocess_exec(
        node,
        str(AUDIT),
        url,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), TIMEOUT)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    assert process.returncode is not None
    report = json.loads(stdout) if stdout.strip() else {}
    return process.returncode, report, stderr.decode()


def failed(report: dict[str, Any], level: str) -> list[dict[str, Any]]:
    return [r for r in report["results"] if r["level"] == level and r["status"] != "ok"]


@pytest.mark.db
@pytest.mark.filterwarnings("always::tests.test_graphql_http.AuditWarning")
async def test_every_must_of_the_spec_passes(app: Starlette) -> None:
    async with serving(app) as url:
        status, report, stderr = await run_audit(url)
    assert report, stderr
    print(f"\ngraphql-http {report['version']} audit: {report['counts']}")
    for result in failed(report, "SHOULD") + failed(report, "MAY"):
        warnings.warn(
            f"{result['id']} {result['name']}: {result['reason']} "
            f"(HTTP {result.get('httpStatus')})",
            AuditWarning,
            stacklevel=1,
        )
    assert failed(report, "MUST") == [], json.dumps(failed(report, "MUST"), indent=2)
    assert status == 0, stderr
    assert report["counts"]["MUST"]["ok"] >= 13  # the suite ran, not an empty report


async def test_the_audit_fails_a_server_that_breaks_a_must() -> None:
    async def plain_text(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await PlainTextResponse("no GraphQL here", status_code=404)(scope, receive, send)

    async with serving(plain_text) as url:
        status, report, _ = await run_audit(url)
    assert status == 1
    assert {r["id"] for r in failed(report, "MUST")} >= {"4655", "2C94", "03D4"}


async def post_in_chunks(url: str, total: int, chunk: int = 64 * 1024) -> httpx.Response:
    async def body() -> AsyncIterator[bytes]:
        sent = 0
        while sent < total:
            piece = min(chunk, total - sent)
            sent += piece
            yield b" " * piece

    async with httpx.AsyncClient(timeout=30) as client:
        return await client.post(url, content=body(), headers={"content-type": "application/json"})


@pytest.mark.db
async def test_the_live_server_refuses_a_chunked_body_over_the_limit(
    app: Starlette, settings: Settings
) -> None:
    async with serving(app) as url:
        response = await post_in_chunks(url, settings.max_request_bytes + 1)
        # the server is still fine for the next client
        async with httpx.AsyncClient() as client:
            after = await client.post(url, json={"query": "{ __typename }"})
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert response.headers["connection"] == "close"
    assert after.json() == {"data": {"__typename": "Query"}}
