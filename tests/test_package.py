"""The installable package: the wheel holds the service with its Cypher files and seeds (no
benchmarks, no tests), installs into a fresh virtual environment outside the source tree, and
serves GraphQL from there; `make run`'s serve path needs no Node."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from api.settings import Settings
from graph.embedded import free_port

pytestmark = pytest.mark.db

ROOT = Path(__file__).resolve().parents[1]
READY_WITHIN = 60.0  # seconds for a fresh process to import, migrate and answer /readyz
PIP = (sys.executable, "-m", "pip", "--disable-pip-version-check")
QUERY = b'{"query": "{ measures(published: true) { code } }"}'


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [*PIP, "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        check=True,
        cwd=out,
        stdin=subprocess.DEVNULL,
    )
    [built] = out.glob("creditgraph-*.whl")
    return built


def serve_env(settings: Settings, port: int, path: str | None = None) -> dict[str, str]:
    assert settings.neo4j_uri is not None
    assert settings.neo4j_password is not None
    env = {
        "PATH": path if path is not None else os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/root"),
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USERNAME": settings.neo4j_username,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "NEO4J_DATABASE": settings.neo4j_database or "",
        "CREDITGRAPH_ID_HASH_KEY": settings.id_hash_key.get_secret_value(),
        "APP_ENV": "test",
        "RISK_REFRESH_INTERVAL": "0",
        "LOG_FORMAT": "text",
        "PORT": str(port),
    }
    return env


@contextmanager
def serving(command: list[str], env: dict[str, str], cwd: Path) -> Iterator[str]:
    """Run `creditgraph serve` and yield its base URL once /readyz answers."""
    port = int(env["PORT"])
    log = cwd / f"serve-{port}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [*command, "serve", "--port", str(port)],
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_WITHIN
        while True:
            assert proc.poll() is None, log.read_text(errors="replace")
            try:
                with urllib.request.urlopen(f"{base}/readyz", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)  # polling for the server to come up (an event), not a timed assert
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def graphql(base: str) -> dict[str, object]:
    request = urllib.request.Request(
        f"{base}/graphql", data=QUERY, headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        body: dict[str, object] = json.loads(answer.read())
    return body


def test_the_wheel_ships_the_service_without_benchmarks_or_tests(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert not [n for n in names if n.startswith(("bench/", "tests/"))]
    assert sum(n.startswith("cypher/") and n.endswith(".cypher") for n in names) > 100
    for needed in (
        "graph/model/domain.yaml",
        "graph/explain/sources.yaml",
        "seeds/scenarios/core.jsonl",
        "api/static/explorer/index.html",
        "api/static/explorer/explorer.js",
    ):
        assert needed in names


def test_the_wheel_installed_in_a_fresh_venv_answers_graphql(
    wheel: Path, settings: Settings, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # Third-party dependencies come from the development environment (no network needed).
    (site / "zz-dev-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [*PIP, "--python", str(python), "install", "--quiet", "--no-deps", str(wheel)],
        check=True,
        stdin=subprocess.DEVNULL,
    )
    where = subprocess.run(
        [str(python), "-c", "import api, cypher; print(api.__file__); print(cypher.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    ).stdout.split()
    assert all(Path(w).is_relative_to(venv) for w in where), where
    env = serve_env(settings, free_port())
    with serving([str(venv / "bin" / "creditgraph")], env, tmp_path) as base:
        body = graphql(base)
    assert "errors" not in body, body


def test_serve_needs_no_node(settings: Settings, tmp_path: Path) -> None:
    """`make run` serves with Python only: no node or npm on PATH."""
    dirs = os.environ.get("PATH", "").split(os.pathsep)
    path = os.pathsep.join(
        d for d in dirs if not any((Path(d) / tool).exists() for tool in ("node", "npm"))
    )
    assert shutil.which("node", path=path) is None
    creditgraph = Path(sys.executable).with_name("creditgraph")
    env = serve_env(settings, free_port(), path=path)
    with serving([str(creditgraph)], env, tmp_path) as base:
        body = graphql(base)
    assert "errors" not in body, body
