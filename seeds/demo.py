"""The demo data set loaded by `make run` (`creditgraph serve --demo`) and `creditgraph seed`.

A small synthetic city (Shijiazhuang, `DEMO_SCALE` enterprises, fixed seed and reference date,
so every run loads the same graph) plus the `core` scenario with the README's demo enterprise.
Loading is an import of generated files, so it is idempotent: a second run creates nothing. A
second run also skips the city when its last list entry (the last row the import writes) is
already in the graph, so `make run` is slow only the first time.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from pathlib import Path

from graph.cypher import statement
from graph.executor import Executor
from seeds.generator import DEFAULT_AS_OF, DEFAULT_SEED, generate
from seeds.scenarios import load_scenario
from seeds.state import entry_id

log = logging.getLogger("creditgraph.seeds")

# A fixed enterprise the README uses in its first query (in the `core` scenario).
DEMO_USCC = "91110000600037341L"
DEMO_SCALE = 2000
COUNT_ENTRIES = statement("stats/count_list_entries_with_ids")


class DemoLoadError(RuntimeError):
    """The demo data did not load cleanly (a generated row was rejected)."""


async def load_demo(executor: Executor, id_key: bytes) -> None:
    """Load the demo graph; idempotent."""
    from graph.importer import import_files

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="creditgraph-demo-") as tmp:
        out = Path(tmp)
        result = await asyncio.to_thread(
            generate, out, scale=DEMO_SCALE, seed=DEFAULT_SEED, as_of=DEFAULT_AS_OF
        )
        last_entry = entry_id(result.manifest.rows["listEntry"])
        found = await executor.read_one(COUNT_ENTRIES, entryIds=[last_entry])
        loaded = bool(found and found["count"])
        if not loaded:
            summary = await import_files(
                executor,
                result.files,
                id_key=id_key,
                rejects_path=out / "rejects.jsonl",
                progress=False,
            )
            if summary.rejected:
                raise DemoLoadError(f"{summary.rejected} generated demo rows were rejected")
    await load_scenario(executor, "core", id_key)
    log.info(
        "demo data %s: a %s-enterprise city (%s rows) and the core scenario, %.1f s",
        "already loaded" if loaded else "loaded",
        f"{DEMO_SCALE:,}",
        f"{result.manifest.total_rows:,}",
        time.perf_counter() - started,
    )
