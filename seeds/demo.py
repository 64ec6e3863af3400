"""The demo data set loaded by `make run` (`creditgraph serve --demo`) and `creditgraph seed`.

A small synthetic city (Shijiazhuang, `DEMO_SCALE` enterprises, fixed seed and reference date,
so every run loads the same graph) plus the `core` scenario with the README's demo enterprise.
Loading is an import of generated files, so it is idempotent: a second run creates nothing. A
second run also skips the city when its last list entry (the last row the import writes) is
already in the graph, so `make run` is slow only the first time.

The demo shows the product, not just its inputs: after loading, the sanction rules run over
every list entry and record (`rederive_all`, what `creditgraph` does after a rule change), and
the analytics are computed (Hebei grades, linked-risk indicators, risk clusters), through the
same code production runs; nothing in the demo is a hand-made flag. That step runs whenever the
graph holds no flag yet, so an older demo database is completed too.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from datetime import date
from pathlib import Path

from graph.audit import Actor
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
COUNT_FLAGS = statement("stats/count_flags")
DEMO_ACTOR = Actor("creditgraph-demo", "system")


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
    flags = await executor.read_one(COUNT_FLAGS)
    if not (flags and flags["count"]):
        await derive_consequences(executor)
    log.info(
        "demo data %s: a %s-enterprise city (%s rows) and the core scenario, %.1f s",
        "already loaded" if loaded else "loaded",
        f"{DEMO_SCALE:,}",
        f"{result.manifest.total_rows:,}",
        time.perf_counter() - started,
    )


async def derive_consequences(executor: Executor, on: date | None = None) -> None:
    """Sanctions, grades, linked-risk indicators and clusters of the loaded demo, as of `on`."""
    from graph.risk import clusters, grading, linked
    from graph.sanctions.rederive import rederive_all

    day = on or date.today()
    started = time.perf_counter()
    done = await rederive_all(executor, DEMO_ACTOR, on=day)
    await grading.recompute_all_grades(executor, day, progress=False)
    risk = await linked.recompute_all_linked_risk(executor, False, day)
    found = await clusters.recompute_clusters(executor, day, progress=False)
    log.info(
        "demo consequences: %d flags, %s, %s, %.1f s",
        done.flags,
        risk,
        found,
        time.perf_counter() - started,
    )
