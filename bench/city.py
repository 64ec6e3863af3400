"""`python -m bench.city --scale N --out DIR`: a loaded benchmark city, built once and reused.

At 1M enterprises (13.9M rows) generating and loading a city takes most of an hour, and the
propagation and analytics benchmarks each need one. This builds it once: `DIR/city` holds the
generated files and their manifest, `DIR/db` the data directory of a stopped server loaded with
the import benchmark's floor statements (the same setup those benchmarks do themselves).
`--city DIR` on `bench.propagation` and `bench.analytics` copies `DIR/db` into their throwaway
server, so the template is never written, and reads the decisions from `DIR/city`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import shutil
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from bench import BENCH_KEY
from bench.floor import load_floor
from bench.server import DATABASE
from graph.embedded import EmbeddedServer, free_port
from graph.executor import Executor, open_driver
from graph.migrate import migrate
from graph.progress import progress_bar
from seeds.generator import DEFAULT_SEED, MAX_SCALE, GenerationResult, generate
from seeds.output import FILES, MANIFEST, Manifest

LOADED = "loaded.json"  # written into DIR/db once the load finished: no marker, no template


@dataclass(frozen=True)
class City:
    """A built city: its generation (files in import order) and the loaded data directory."""

    generation: GenerationResult
    template: Path
    load_seconds: float


def _files(root: Path) -> list[Path]:
    return [root / "city" / name for name in FILES.values() if (root / "city" / name).exists()]


def city_or_generate(
    city: Path | None, tmp: Path, scale: int, seed: int, say: Callable[[str], object]
) -> tuple[GenerationResult, City | None]:
    """What a benchmark runs on: the built city at `city`, or a city generated into `tmp`."""
    if city is not None:
        built = open_city(city)
        return built.generation, built
    say(f"generating a city of {scale:,} enterprises")
    return generate(tmp, scale=scale, seed=seed), None


def open_city(root: Path) -> City:
    """The city built under `root` by `python -m bench.city`; SystemExit if it is not complete."""
    manifest_path = root / "city" / MANIFEST
    marker = root / "db" / LOADED
    if not manifest_path.exists() or not marker.exists():
        raise SystemExit(f"{root} holds no loaded city: build it with python -m bench.city")
    manifest = Manifest.load(manifest_path)
    files = _files(root)
    loaded = json.loads(marker.read_text())
    return City(GenerationResult(manifest, files, 0.0), root / "db", loaded["seconds"])


@asynccontextmanager
async def _serving(db: Path, heap: str) -> AsyncIterator[Executor]:
    """A server on the data directory `db`, migrated, with an executor; stopped after."""
    server = EmbeddedServer(
        db, database=DATABASE, bolt_port=free_port(), http_port=free_port(), heap=heap
    )
    info = server.start(attached=True, timeout=300.0)
    try:
        driver = await open_driver(info.uri, "root", server.password, 10.0)
        try:
            executor = Executor(driver, DATABASE, uri=info.uri, timeout=3600.0, app="bench")
            await migrate(executor)
            yield executor
        finally:
            await driver.close()
    finally:
        server.stop()


async def load(root: Path, heap: str, batch_size: int) -> float:
    """Start a server on `root/db`, load every file with the floor statements, stop it."""
    db = root / "db"
    shutil.rmtree(db, ignore_errors=True)
    files = _files(root)
    total = Manifest.load(root / "city" / MANIFEST).total_rows
    async with _serving(db, heap) as executor:
        started = time.perf_counter()
        with progress_bar(total=total, desc="loading", unit="row") as bar:
            for path in files:
                await load_floor(executor, path, BENCH_KEY, batch_size=5000, on_batch=bar.update)
    return time.perf_counter() - started


async def reindex(root: Path, heap: str) -> float:
    """Bring the name search index of a loaded city up to date in place (`creditgraph search
    rebuild` on its data directory): a city loaded before the index changed."""
    from api.commands.search import rebuild_with_progress

    async with _serving(root / "db", heap) as executor:
        started = time.perf_counter()
        await rebuild_with_progress(executor, batch=2000, quiet=False)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.city", description=__doc__)
    parser.add_argument("--scale", type=int, help="number of enterprises (required to build)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument("--out", type=Path, required=True, help="directory to build the city in")
    parser.add_argument("--heap", default="12g", help="JVM heap of the loading server")
    parser.add_argument(
        "--search-rebuild",
        action="store_true",
        help="only bring the search index of the city already loaded in --out up to date",
    )
    args = parser.parse_args(argv)
    if args.search_rebuild:
        open_city(args.out)  # exits unless a loaded city is there
        seconds = asyncio.run(reindex(args.out, args.heap))
        print(f"search index of {args.out} up to date in {seconds:.0f} s")
        return 0
    if args.scale is None:
        parser.error("--scale is required to build a city")
    if not 1 <= args.scale <= MAX_SCALE:
        parser.error(f"--scale must be 1 to {MAX_SCALE:,}")
    logging.basicConfig(level=logging.WARNING)
    city = args.out / "city"
    manifest = city / MANIFEST
    built = Manifest.load(manifest) if manifest.exists() else None
    if built is not None and (built.scale, built.seed) == (args.scale, args.seed):
        print(f"reusing the generated files in {city}", flush=True)
    else:
        print(f"generating {args.scale:,} enterprises into {city}", flush=True)
        generate(city, scale=args.scale, seed=args.seed)
    seconds = asyncio.run(load(args.out, args.heap, 5000))
    rows = Manifest.load(manifest).total_rows
    marker = {"scale": args.scale, "seed": args.seed, "rows": rows, "seconds": seconds}
    (args.out / "db" / LOADED).write_text(json.dumps(marker))
    print(f"loaded {rows:,} rows in {seconds:.0f} s ({rows / seconds:,.0f} rows/s) into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
