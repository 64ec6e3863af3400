"""A throwaway embedded graph server for one benchmark run: temp dir, free ports, own password.

Never the developer's `var/graphdb`: every run starts from an empty database (or a copy of a
loaded benchmark city), so figures are comparable, and nothing is left behind (the directory is
removed when the block exits).
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from graph.embedded import EmbeddedServer, ServerInfo, free_port
from graph.executor import Executor, open_driver
from graph.migrate import migrate

DATABASE = "creditgraph_bench"
COPY_IGNORE = shutil.ignore_patterns("server.json", "log")


@dataclass
class BenchServer:
    info: ServerInfo
    executor: Executor

    def peak_rss_mb(self) -> float:
        """Peak resident memory of the database process so far (VmHWM), in MiB."""
        return _status_kb(self.info.pid, "VmHWM") / 1024

    def rss_mb(self) -> float:
        return _status_kb(self.info.pid, "VmRSS") / 1024


def _status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} for process {pid}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@asynccontextmanager
async def throwaway_server(
    heap: str = "4g", query_timeout: float = 600.0, template: Path | None = None
) -> AsyncIterator[BenchServer]:
    """Start a fresh server, migrate its schema, yield it with an executor; remove it after.
    With `template` (a loaded city's data directory, `bench/city.py`) the server starts on a
    copy of it."""
    data_dir = Path(tempfile.mkdtemp(prefix="creditgraph-bench-"))
    password = secrets.token_urlsafe(18)
    if template is not None:
        shutil.copytree(template, data_dir, dirs_exist_ok=True, ignore=COPY_IGNORE)
        password = (template / ".root-password").read_text().strip()
    server = EmbeddedServer(
        data_dir,
        database=DATABASE,
        bolt_port=free_port(),
        http_port=free_port(),
        heap=heap,
        password=password,
    )
    try:
        info = server.start(attached=True, timeout=60.0 if template is None else 900.0)
        driver = await open_driver(info.uri, "root", password, 10.0)
        try:
            executor = Executor(driver, DATABASE, uri=info.uri, timeout=query_timeout, app="bench")
            await migrate(executor)
            yield BenchServer(info, executor)
        finally:
            await driver.close()
    finally:
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
