"""The benchmark's raw floor writes what the import writes (bench/floor.py).

The floor is the yardstick for the import's throughput, so it must do the same database work:
the same nodes and relationships with the same properties, defaults and derived values (a
person's birth date and gender) included. Both load a small generated city, and the shipped
examples, on an empty graph; the two graphs must be equal property for property.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bench.floor import load_floor
from graph.cypher import statement
from graph.executor import Executor
from graph.importer import import_files
from seeds.generator import generate
from seeds.output import FILES

pytestmark = pytest.mark.db

KEY = b"test-hash-key"
DELETE_ALL = statement("admin/delete_all")
NODE_PROPERTIES = statement("import/get_node_properties")
RELATIONSHIP_PROPERTIES = statement("import/get_relationship_properties")
EXAMPLES = Path(__file__).resolve().parents[1] / "seeds" / "examples"

Snapshot = tuple[Counter[str], Counter[str]]


async def snapshot(executor: Executor) -> Snapshot:
    """Every node (labels and properties) and relationship (type and properties), as counts."""
    nodes = Counter(
        repr((sorted(n["labels"]), sorted(n["props"].items())))
        for n in await executor.read(NODE_PROPERTIES)
    )
    rels = Counter(
        repr((r["type"], sorted(r["props"].items())))
        for r in await executor.read(RELATIONSHIP_PROPERTIES)
    )
    return nodes, rels


async def import_then_floor(executor: Executor, paths: list[Path]) -> tuple[Snapshot, Snapshot]:
    await executor.write(DELETE_ALL)
    summary = await import_files(executor, paths, id_key=KEY, progress=False)
    assert summary.rejected == 0
    imported = await snapshot(executor)
    await executor.write(DELETE_ALL)
    for path in paths:
        await load_floor(executor, path, KEY, batch_size=500)
    return imported, await snapshot(executor)


async def test_the_floor_writes_a_generated_city_as_the_import_does(
    empty_graph: Executor, tmp_path: Path
) -> None:
    city = generate(tmp_path, scale=60, seed=3)
    imported, floor = await import_then_floor(empty_graph, city.files)
    assert sum(imported[0].values()) > 300
    assert floor == imported
    persons = [n for n in imported[0] if "'Person'" in n]
    assert persons
    assert all("'birthDate'" in n and "'gender'" in n for n in persons)


async def test_the_floor_writes_the_examples_as_the_import_does(empty_graph: Executor) -> None:
    paths = [EXAMPLES / name for name in FILES.values()]
    imported, floor = await import_then_floor(empty_graph, paths)
    assert floor == imported
