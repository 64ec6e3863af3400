"""`creditgraph search rebuild`: (re)build the name-gram index of `searchSubjects` (ADR 0006).

Writes keep the index in step themselves; this is for a database loaded by other means (the
benchmark floor, a restore) or an index created after the data. It links every subject whose
grams are not those of its current name, a batch per transaction, then recounts how many
subjects hold each gram (which steers the search) and recomputes each gram's heads (the first
holders a broad query's first page is read from: graph/search/heads.py), with progress; it can
be stopped and run again, and a second run links nothing.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from api.settings import Settings

NAME = "search"
HELP = "maintain the name search index (rebuild: index every subject whose name grams are stale)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["rebuild"], help="rebuild the name-gram index")
    parser.add_argument("--batch", type=int, default=2000, help="subjects per transaction")
    parser.add_argument("--quiet", action="store_true", help="no progress")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from api.cli import run_async

    async def work(executor: Any) -> int:
        started = time.perf_counter()
        result = await rebuild_with_progress(executor, batch=args.batch, quiet=args.quiet)
        seconds = time.perf_counter() - started
        print(
            f"name search index up to date: {result.indexed:,} of {result.stale:,} stale "
            f"subjects indexed, {result.grams:,} grams recounted and their heads recomputed "
            f"in {seconds:.1f} s"
        )
        return 0

    return run_async(work, settings)


async def rebuild_with_progress(executor: Any, *, batch: int, quiet: bool) -> Any:
    """`graph.search.rebuild` with a progress bar per phase (also `python -m bench.city`)."""
    from graph.progress import ProgressBar, progress_bar
    from graph.search import rebuild

    bars: dict[str, ProgressBar] = {}

    def progress(phase: str, done: int, total: int) -> None:
        if quiet:
            return
        bar = bars.get(phase)
        if bar is None:
            for other in bars.values():
                other.close()
            unit = "subjects" if phase == "subjects" else "grams"
            bar = bars[phase] = progress_bar(total=total, desc=f"search {phase}", unit=unit)
        bar.update(done - bar.n)

    try:
        return await rebuild(executor, batch=batch, progress=progress)
    finally:
        for bar in bars.values():
            bar.close()
