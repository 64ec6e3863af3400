"""The demo data set loaded by `make run` (`creditgraph serve --demo`) and `creditgraph seed`.

A small synthetic city (Shijiazhuang, `DEMO_SCALE` enterprises, fixed seed and reference date,
so every run loads the same graph) plus the `core` scenario with the README's demo enterprise.
Loading is an import of generated files, so it is idempotent: a second run creates nothing.
"""

from __future__ import annotations

import asyncio
import logging
import tempfile
import time
from pathlib import Path

from graph.executor import Executor
from seeds.generator import DEFAULT_AS_OF, DEFAULT_SEED, generate
from seeds.scenarios import load_scenario

log = logging.getLogger("creditgraph.seeds")

# A fixed enterprise the README uses in its first query (in the `core` scenario).
DEMO_USCC = "91110000600037341L"
DEMO_SCALE = 2000


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
        "demo data loaded: %s rows of a %s-enterprise city and the core scenario in %.1f s",
        f"{result.manifest.total_rows:,}",
        f"{DEMO_SCALE:,}",
        time.perf_counter() - started,
    )
