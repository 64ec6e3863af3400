"""The embedded server's lifecycle and the CLI's behaviour around it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.embedded import EmbeddedError, EmbeddedServer, ServerInfo, free_port

pytestmark = pytest.mark.db

CLI = [sys.executable, "-m", "api.cli"]
ROOT = Path(__file__).resolve().parents[1]


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "GRAPHDB_"))}
    env.update(extra)
    return env


def process_alive(pid: int) -> bool:
    """True if `pid` exists and is not a zombie waiting to be reaped."""
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


def test_second_server_on_the_same_data_dir_is_refused(graph_server: ServerInfo) -> None:
    twin = EmbeddedServer(Path(graph_server.data_dir), bolt_port=free_port(), http_port=free_port())
    with pytest.raises(EmbeddedError, match="already runs"):
        twin.start()


def test_db_status_tells_the_truth(graph_server: ServerInfo, tmp_path: Path) -> None:
    running = subprocess.run(
        [*CLI, "db", "status"],
        env=cli_env(GRAPHDB_DIR=graph_server.data_dir, NEO4J_DATABASE=graph_server.database),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert running.returncode == 0, running.stderr
    assert f"running and answering: pid {graph_server.pid}" in running.stdout

    stopped = subprocess.run(
        [*CLI, "db", "status"],
        env=cli_env(GRAPHDB_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert stopped.returncode == 3
    assert "not running" in stopped.stdout


def test_attached_server_dies_with_its_parent(tmp_path: Path) -> None:
    """kill -9 of the owning process must not leave an orphan JVM."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from graph.embedded import EmbeddedServer, free_port\n"
        f"s = EmbeddedServer(Path({str(tmp_path)!r}), bolt_port=free_port(),"
        " http_port=free_port(), heap='512m', password='pw-12345678')\n"
        "info = s.start(attached=True)\n"
        "print(info.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT
    ) as owner:
        assert owner.stdout is not None
        jvm_pid = int(owner.stdout.readline())
        assert process_alive(jvm_pid)
        owner.send_signal(signal.SIGKILL)
        owner.wait(10)
    deadline = time.monotonic() + 20
    while process_alive(jvm_pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not process_alive(jvm_pid), "the JVM outlived its parent"
    assert EmbeddedServer(tmp_path).running() is None


def test_serve_with_unreachable_neo4j_fails_fast_naming_the_uri() -> None:
    started = time.monotonic()
    proc = subprocess.run(
        [*CLI, "serve", "--port", str(free_port())],
        env=cli_env(NEO4J_URI="bolt://127.0.0.1:1", NEO4J_PASSWORD="x"),
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode != 0
    assert "bolt://127.0.0.1:1" in proc.stderr
    assert elapsed < 10, f"took {elapsed:.1f} s"
