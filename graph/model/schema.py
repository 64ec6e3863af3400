"""Constraints and indexes generated from the model into `cypher/schema/` (committed files).

`creditgraph export-schema` writes them; a test regenerates them in memory and fails on any
difference, so the database schema can never drift from `domain.yaml`.
"""

from __future__ import annotations

from pathlib import Path

from graph.cypher import CYPHER_ROOT
from graph.model import MODEL, DomainModel

HEADER = "// Generated from graph/model/domain.yaml by `creditgraph export-schema`; do not edit.\n"


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name).lstrip("_")


def schema_files(model: DomainModel = MODEL) -> dict[str, str]:
    """File name → text, one statement per file, constraints before indexes."""
    files: dict[str, str] = {}
    n = 0
    for label, node in model.nodes.items():
        for prop in node.unique:
            n += 1
            name = f"{_snake(label)}_{_snake(prop)}_unique"
            files[f"{n:03d}_{name}.cypher"] = (
                HEADER + f"// {label}.{prop} is unique.\n"
                f"CREATE CONSTRAINT {name} IF NOT EXISTS "
                f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE\n"
            )
    for label, node in model.nodes.items():
        for props in node.index:
            n += 1
            name = f"{_snake(label)}_{'_'.join(_snake(p) for p in props)}"
            columns = ", ".join(f"n.{p}" for p in props)
            files[f"{n:03d}_{name}.cypher"] = (
                HEADER + f"// Index on {label}({', '.join(props)}).\n"
                f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON ({columns})\n"
            )
    return files


def write_schema(root: Path = CYPHER_ROOT / "schema") -> list[Path]:
    """Replace the generated files under `root`; returns the paths written."""
    root.mkdir(parents=True, exist_ok=True)
    for old in root.glob("*.cypher"):
        old.unlink()
    written = []
    for name, text in schema_files().items():
        path = root / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
