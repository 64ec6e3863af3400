"""The Cypher lint gate (tools/cypherlint/lint.mjs) passes on cypher/ and catches bad statements.

No database: the linter is the Cypher 5 front end of @neo4j-cypher/language-support, run by Node.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINTER = ROOT / "tools" / "cypherlint" / "lint.mjs"
LIBRARY = ROOT / "tools" / "cypherlint" / "node_modules" / "@neo4j-cypher" / "language-support"
TIMEOUT = 600  # seconds; the semantic analysis costs up to ~0.5 s a statement


def run_linter(*args: str | Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: the Cypher lint gate needs Node.js (>= 20)")
    if not (LIBRARY / "package.json").is_file():
        pytest.fail(
            f"{LIBRARY.relative_to(ROOT)} is missing: run `make setup` "
            "(it runs `npm ci --prefix tools/cypherlint`)"
        )
    return subprocess.run(
        [node, str(LINTER), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def report_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.strip()]


def test_repository_cypher_is_clean() -> None:
    assert (ROOT / "cypher").is_dir(), "cypher/ is missing"
    result = run_linter("cypher")
    assert report_lines(result) == [], result.stdout + result.stderr
    assert result.returncode == 0, result.stdout + result.stderr


SAMPLES = ROOT / "tests" / "data" / "cypher_lint"  # bad statements and one good one
BAD_FILES = [p.name for p in SAMPLES.glob("*.cypher") if p.name != "good.cypher"]


def test_bad_statements_are_reported(tmp_path: Path) -> None:
    for sample in SAMPLES.glob("*.cypher"):
        shutil.copy(sample, tmp_path / sample.name)
    assert len(BAD_FILES) == 4

    result = run_linter(tmp_path)  # one Node process for all the files
    lines = report_lines(result)
    assert result.returncode == 1, result.stdout + result.stderr

    def reported(name: str) -> list[str]:
        return [line for line in lines if line.startswith(f"{tmp_path / name}:")]

    syntax = reported("syntax_error.cypher")
    assert any(" error Invalid input 'RETURN'" in line for line in syntax), lines
    assert syntax[0].startswith(f"{tmp_path / 'syntax_error.cypher'}:5:1 error"), syntax

    deprecated = reported("deprecated_call.cypher")
    assert any(
        ":4:1 warning " in line and "deprecated" in line and "CALL (n)" in line
        for line in deprecated
    ), lines

    undeclared = reported("undeclared_param.cypher")
    assert any(" error Parameter $limit is not defined." in line for line in undeclared), lines

    unused = reported("unused_param.cypher")
    assert any(":3:" in line and "$asOf" in line and "not used" in line for line in unused), lines

    # `CALL (x) { ... }` passes, and labels / relationship types are not checked (no schema given).
    assert reported("good.cypher") == [], lines
    assert all(line.startswith(str(tmp_path)) for line in lines), lines


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_linter(tmp_path / "does-not-exist")
    assert result.returncode == 2
    assert "no such file or directory" in result.stderr
