"""The import benchmark: generate a city, import it, compare with the raw floor, import it again.

1. Generate a city of `scale` enterprises (`seeds.generator`), timed.
2. On a throwaway server: import the files one kind at a time through `graph.importer`
   (rows/s per kind and in total, peak RSS of the database process), check the node and
   relationship counts against the manifest, import all files again and check that nothing
   was created and the counts did not move. The name-gram index (docs/adr/0006) is kept in the
   import's batch transactions: its statements' time is reported per kind, and `creditgraph
   search rebuild` (nothing stale, every gram recounted and its heads recomputed) is timed.
3. On a second, fresh server (a fair comparison: same empty start): load the same rows with
   the floor statements (`bench.floor`), timing only the database calls, and check the floor
   wrote the same graph. Import and floor alternate kind by kind, so both run under the same
   machine load.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from api.commands.search import rebuild_with_progress
from bench.counts import count_graph
from bench.floor import load_floor
from bench.server import BenchServer, cpu_seconds, throwaway_server
from graph.progress import ProgressBar, progress_bar
from graph.search.grams import REBUILD_BATCH
from seeds.generator import GenerationResult, generate
from seeds.output import FILES

Say = Callable[[str], None]


@dataclass
class Phase:
    """One timed load of some rows."""

    name: str
    rows: int
    seconds: float
    db_cpu: float = 0.0  # CPU seconds the database process used meanwhile
    client_cpu: float = 0.0  # CPU seconds this process used meanwhile
    index_seconds: float = 0.0  # of `seconds`, in the name-gram index's statements

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


@dataclass
class ImportBenchResult:
    scale: int
    seed: int
    batch_size: int
    heap: str
    generation: GenerationResult
    imports: list[Phase] = field(default_factory=list)
    floors: list[Phase] = field(default_factory=list)
    import_rss_mb: float = 0.0
    floor_rss_mb: float = 0.0
    rejected: int = 0
    count_differences: list[str] = field(default_factory=list)
    reimport: Phase | None = None
    reimport_created: int = -1
    reimport_differences: list[str] = field(default_factory=list)
    floor_differences: list[str] = field(default_factory=list)
    rebuild: Phase | None = None  # `search rebuild` after the import (rows: grams recounted)

    @property
    def import_total(self) -> Phase:
        return Phase(
            "total", sum(p.rows for p in self.imports), sum(p.seconds for p in self.imports)
        )

    @property
    def floor_total(self) -> Phase:
        return Phase("total", sum(p.rows for p in self.floors), sum(p.seconds for p in self.floors))

    @property
    def ok(self) -> bool:
        return (
            self.rejected == 0
            and not self.count_differences
            and self.reimport_created == 0
            and not self.reimport_differences
            and not self.floor_differences
        )


INDEX_STATEMENTS = "search/"  # the name-gram index's statements (graph/search)


class IndexClock:
    """An executor probe adding up the wall time of the name-gram index's statements."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def unit(self, name: str, *, write: bool) -> AbstractContextManager[object]:
        return nullcontext()

    def statement(self, name: str) -> AbstractContextManager[object]:
        return self._timed() if name.startswith(INDEX_STATEMENTS) else nullcontext()

    @contextmanager
    def _timed(self) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds += time.perf_counter() - started


def _tqdm_progress() -> Callable[[str, int, int], None]:
    bars: dict[str, ProgressBar] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if stage not in bars:
            bars[stage] = progress_bar(
                total=total, desc=f"generate {stage}", unit="subj", leave=False
            )
        bars[stage].update(done - bars[stage].n)
        if done >= total:
            bars[stage].close()

    return progress


async def _import_kind(
    server: BenchServer,
    result: ImportBenchResult,
    kind: str,
    path: Path,
    id_key: bytes,
    work: Path,
    say: Say,
) -> None:
    from graph.importer import import_files

    rows = result.generation.manifest.rows
    say(f"importing {path.name} ({rows[kind]:,} rows)")
    clock, watching = IndexClock(), server.executor.probe
    server.executor.probe = clock
    started, db, client = time.perf_counter(), cpu_seconds(server.info.pid), time.process_time()
    try:
        summary = await import_files(
            server.executor,
            [path],
            id_key=id_key,
            batch_size=result.batch_size,
            rejects_path=work / "rejects.jsonl",
            progress=True,
        )
    finally:
        server.executor.probe = watching
    seconds = time.perf_counter() - started
    db, client = cpu_seconds(server.info.pid) - db, time.process_time() - client
    result.imports.append(Phase(kind, rows[kind], seconds, db, client, clock.seconds))
    result.rejected += summary.rejected


async def _floor_kind(
    server: BenchServer,
    result: ImportBenchResult,
    kind: str,
    path: Path,
    id_key: bytes,
    say: Say,
) -> None:
    rows = result.generation.manifest.rows
    say(f"floor load of {path.name}")
    db, client = cpu_seconds(server.info.pid), time.process_time()
    with progress_bar(total=rows[kind], desc=f"floor {kind}", unit="row", leave=False) as bar:
        timing = await load_floor(
            server.executor, path, id_key, batch_size=result.batch_size, on_batch=bar.update
        )
    db, client = cpu_seconds(server.info.pid) - db, time.process_time() - client
    result.floors.append(Phase(kind, rows[kind], timing.seconds, db, client))


async def _checks(
    importer: BenchServer,
    floor: BenchServer,
    result: ImportBenchResult,
    id_key: bytes,
    work: Path,
    say: Say,
) -> None:
    from graph.importer import import_files

    result.import_rss_mb = importer.peak_rss_mb()
    result.floor_rss_mb = floor.peak_rss_mb()
    say("counting nodes and relationships")
    manifest = result.generation.manifest
    result.count_differences = (await count_graph(importer.executor)).differences(manifest)
    result.floor_differences = (await count_graph(floor.executor)).differences(manifest)
    say("importing every file again (must create nothing)")
    started = time.perf_counter()
    again = await import_files(
        importer.executor,
        result.generation.files,
        id_key=id_key,
        batch_size=result.batch_size,
        rejects_path=work / "rejects-again.jsonl",
        progress=True,
    )
    result.reimport = Phase("re-import", manifest.total_rows, time.perf_counter() - started)
    result.reimport_created = again.created
    result.reimport_differences = (await count_graph(importer.executor)).differences(manifest)
    say("rebuilding the name-gram index (`creditgraph search rebuild`)")
    started = time.perf_counter()
    rebuilt = await rebuild_with_progress(importer.executor, batch=REBUILD_BATCH, quiet=False)
    result.rebuild = Phase("search rebuild", rebuilt.grams, time.perf_counter() - started)


async def run_import_bench(
    *,
    scale: int,
    seed: int,
    batch_size: int,
    heap: str,
    id_key: bytes,
    say: Say = print,
    keep: Path | None = None,
) -> ImportBenchResult:
    """Run the whole benchmark; the generated files go to `keep` or a removed temp dir."""
    with tempfile.TemporaryDirectory(prefix="creditgraph-bench-city-") as tmp:
        work = keep or Path(tmp)
        say(f"generating a city of {scale:,} enterprises into {work}")
        generation = generate(work, scale=scale, seed=seed, progress=_tqdm_progress())
        say(
            f"generated {generation.manifest.total_rows:,} rows in {generation.seconds:.1f} s "
            f"({generation.rows_per_second:,.0f} rows/s)"
        )
        result = ImportBenchResult(scale, seed, batch_size, heap, generation)
        say(f"starting two throwaway graph servers (heap {heap}): import and floor")
        async with throwaway_server(heap) as importer, throwaway_server(heap) as floor:
            # Kind by kind, the import then the floor: both see the same machine load, so
            # their ratio holds on a shared box too.
            for kind, path in zip(FILES, generation.files, strict=True):
                await _import_kind(importer, result, kind, path, id_key, work, say)
                await _floor_kind(floor, result, kind, path, id_key, say)
            await _checks(importer, floor, result, id_key, work, say)
    return result
