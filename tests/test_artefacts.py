"""Generated artefacts are committed: the files in git must equal what the code generates now."""

from __future__ import annotations

from pathlib import Path

from api.schema import SCHEMA_FILE, schema_sdl
from graph.cypher import CYPHER_ROOT
from graph.model.schema import schema_files

FIX = "run `make schema` and commit the result"


def test_schema_graphql_is_up_to_date() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_sdl(), FIX


def test_generated_constraints_match_the_model() -> None:
    root: Path = CYPHER_ROOT / "schema"
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in root.glob("*.cypher")}
    assert on_disk == schema_files(), FIX
