"""Cypher lives only in `cypher/**/*.cypher`: every file is valid, used, and runs under EXPLAIN."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from graph.cypher import REGISTRY, CypherFileError, Registry, Statement
from graph.executor import Executor
from graph.model import MODEL

ROOT = Path(__file__).resolve().parents[1]
PY_DIRS = ["api", "graph", "resolvers", "seeds", "bench", "tests"]
# A statement: it opens with a clause and has a second clause after it (e.g. MATCH … RETURN).
CYPHER_WORDS = re.compile(
    r"^\s*(MATCH|OPTIONAL MATCH|MERGE|CREATE|UNWIND|RETURN|CALL|WITH|DETACH|SHOW|EXPLAIN)\b"
    r".*\b(RETURN|SET|DELETE|MERGE|CREATE|MATCH|WITH|LIMIT|AS)\b",
    re.DOTALL,
)
ALLOWED = MODEL.allowed


def python_files() -> list[Path]:
    return [p for d in PY_DIRS if (ROOT / d).exists() for p in (ROOT / d).rglob("*.py")]


def specialised(stmt: Statement) -> Statement:
    """A template statement filled with the first allowed value of each placeholder."""
    if not stmt.templates:
        return stmt
    return stmt.specialise(ALLOWED, **{tok: ALLOWED[kind][0] for tok, kind in stmt.templates})


def test_registry_loads_and_names_follow_the_layout() -> None:
    assert len(REGISTRY) > 0
    for stmt in REGISTRY:
        assert re.fullmatch(r"[a-z_]+/[0-9a-z_]+", stmt.name), stmt.name


def test_no_cypher_string_literals_in_python() -> None:
    offenders = []
    for path in python_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and CYPHER_WORDS.match(text):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [], f"Cypher text in Python: {offenders}"


def test_every_statement_is_referenced_and_every_reference_exists() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in python_files())
    referenced = set(re.findall(r"statement\(\s*\"([a-z_]+/[0-9a-z_]+)\"\s*\)", source))
    missing = referenced - set(REGISTRY.names())
    assert missing == set(), f"statements referenced but not found: {missing}"
    by_area = {s.name for s in REGISTRY.area("schema")}  # applied as a whole by migrate()
    unused = set(REGISTRY.names()) - referenced - by_area
    assert unused == set(), f".cypher files nothing uses: {sorted(unused)}"


def test_header_must_match_body() -> None:
    with pytest.raises(CypherFileError, match="declared"):
        Registry(ROOT / "tests" / "data" / "cypher_bad")
    with pytest.raises(CypherFileError, match="header"):
        Registry(ROOT / "tests" / "data" / "cypher_noheader")


def test_templates_accept_only_whitelisted_identifiers() -> None:
    stmt = REGISTRY["role/assign_role"]
    good = stmt.specialise(ALLOWED, ROLE="DIRECTOR_OF")
    assert ":DIRECTOR_OF" in good.body
    assert ":ROLE" not in good.body
    for evil in ["DIRECTOR_OF]->() DETACH DELETE n //", "NOT_A_ROLE", ""]:
        with pytest.raises(ValueError, match="not an allowed"):
            stmt.specialise(ALLOWED, ROLE=evil)


@pytest.mark.db
@pytest.mark.parametrize("name", REGISTRY.names())
async def test_every_statement_runs_under_explain(executor: Executor, name: str) -> None:
    stmt = specialised(REGISTRY[name])
    await executor.explain(stmt)
