"""`python -m bench.analytics --scale N`: full recomputation of the risk analytics, and ownership().

1. Generate a city of `scale` enterprises (`seeds.generator`) and load it, plus the
   `risk_ownership` scenario (a six-level holding chain with a cross-holding), on a throwaway
   server with the import benchmark's plain floor statements (`bench.floor`): untimed setup.
2. Timed, each next to its raw floor (the single best hand-written Cypher for the same data,
   from `cypher/analytics/`, run once over the whole graph, its rows streamed to the client):
   * grades: `recompute_all_grades` (every graded organisation classified and an `:Evaluation`
     stored) against `hebei_grades.cypher` (the classes computed in Cypher, nothing stored);
   * linked risk: `recompute_all_linked_risk` (sources graded on the day, links followed,
     indicators with evidence written) against `linked_risk_shared_roles.cypher` plus
     `linked_risk_chains.cypher` (the same links, read only, sources from stored grades);
   * clusters: `recompute_clusters` (exact components, breadth-first, stored) against
     `risk_components.cypher` (a bounded approximation, nothing stored);
   * `ownership()` on the six-level chain with cross-holdings, repeated, against
     `ownership_beneficial_owners.cypher` (path enumeration, exact only without cycles).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import shlex
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench import BENCH_KEY
from bench.city import city_or_generate
from bench.floor import load_floor
from bench.report import BENCHMARKS, load_average, replace_section
from bench.server import throwaway_server
from graph.executor import Executor
from graph.risk import analytics, clusters, grading, linked, ownership
from seeds.generator import DEFAULT_SEED, MAX_SCALE
from seeds.scenarios import scenario_path

SECTION = "analytics"
CHAIN_TARGET = "91110101MARK0W006X"  # L6 of seeds/scenarios/risk_ownership.jsonl
T = Any


@dataclass
class Timed:
    name: str
    seconds: float
    items: int
    note: str = ""


@dataclass
class Pair:
    engine: Timed
    floor: Timed | None

    @property
    def ratio(self) -> float | None:
        if self.floor is None or not self.floor.seconds:
            return None
        return self.engine.seconds / self.floor.seconds


@dataclass
class AnalyticsBenchResult:
    scale: int
    heap: str
    as_of: date
    graph_rows: int = 0
    setup_seconds: float = 0.0
    template: bool = False  # the city was loaded once by bench.city and copied
    pairs: list[Pair] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    ok: bool = True


async def timed(work: Callable[[], Awaitable[T]]) -> tuple[float, T]:
    started = time.perf_counter()
    result = await work()
    return time.perf_counter() - started, result


async def _grades(ex: Executor, day: date) -> Pair:
    seconds, counts = await timed(lambda: grading.recompute_all_grades(ex, day, progress=True))
    total = sum(counts.values())
    note = ", ".join(f"{g} {n:,}" for g, n in counts.items())
    floor_s, rows = await timed(
        lambda: analytics.run_query(ex, "hebei_grades", {"limit": 10 * total + 10}, day)
    )
    return Pair(
        Timed("grades: `recompute_all_grades` (classify + store)", seconds, total, note),
        Timed("floor: `hebei_grades.cypher` (classify, read only)", floor_s, len(rows)),
    )


async def _linked(ex: Executor, day: date) -> Pair:
    seconds, run = await timed(
        lambda: linked.recompute_all_linked_risk(ex, progress=True, as_of=day)
    )
    note = f"{run.sources:,} sources, {run.indicators:,} indicators on {run.targets:,} subjects"

    async def floor() -> int:
        big = {"limit": 10_000_000}
        roles = await analytics.run_query(ex, "linked_risk_shared_roles", big, day)
        chains = await analytics.run_query(ex, "linked_risk_chains", big, day)
        return len(roles) + len(chains)

    floor_s, links = await timed(floor)
    return Pair(
        Timed(
            "linked risk: `recompute_all_linked_risk` (+ evidence, stored)",
            seconds,
            run.indicators,
            note,
        ),
        Timed(
            "floor: `linked_risk_shared_roles` + `linked_risk_chains` (read only)",
            floor_s,
            links,
            "link rows",
        ),
    )


async def _clusters(ex: Executor, day: date) -> Pair:
    seconds, run = await timed(lambda: clusters.recompute_clusters(ex, day, progress=True))
    note = f"{run.rounds} search rounds" + (" (bound hit)" if run.truncated else "")
    floor_s, rows = await timed(
        lambda: analytics.run_query(ex, "risk_components", {"limit": 10_000_000}, day)
    )
    return Pair(
        Timed("clusters: `recompute_clusters` (exact, stored)", seconds, run.clusters, note),
        Timed("floor: `risk_components.cypher` (2 shared persons, read only)", floor_s, len(rows)),
    )


async def _ownership(ex: Executor, day: date, repeat: int) -> tuple[Pair, float]:
    times, floors = [], []
    share = 0.0
    for _ in range(repeat):
        s, result = await timed(lambda: ownership.ownership(ex, CHAIN_TARGET, 0.25, day))
        times.append(s)
        share = max((o.share for o in result.owners if o.ultimate), default=0.0)
    for _ in range(repeat):
        s, _rows = await timed(
            lambda: analytics.run_query(
                ex, "ownership_beneficial_owners", {"sid": CHAIN_TARGET}, day
            )
        )
        floors.append(s)
    p50 = statistics.median(times)
    f50 = statistics.median(floors)
    p95 = sorted(times)[max(0, int(0.95 * len(times)) - 1)]
    return (
        Pair(
            Timed(
                "`ownership()` six-level chain with cross-holding (p50)",
                p50,
                repeat,
                f"p95 {p95 * 1000:.1f} ms",
            ),
            Timed("floor: `ownership_beneficial_owners.cypher` (p50)", f50, repeat),
        ),
        share,
    )


async def run(
    *,
    scale: int,
    heap: str,
    seed: int,
    repeat: int,
    city: Path | None = None,
    say: Any = print,
) -> AnalyticsBenchResult:
    with tempfile.TemporaryDirectory(prefix="creditgraph-bench-analytics-") as tmp:
        generation, built = city_or_generate(city, Path(tmp), scale, seed, say)
        scale = generation.manifest.scale
        day = date.fromisoformat(generation.manifest.as_of)
        result = AnalyticsBenchResult(scale, heap, day, generation.manifest.total_rows)
        template = built.template if built else None
        async with throwaway_server(heap, query_timeout=3600.0, template=template) as server:
            ex = server.executor
            say("loading the city with the floor statements (setup, untimed)")
            started = time.perf_counter()
            files = [] if built is not None else generation.files
            for path in [*files, scenario_path("risk_ownership")]:
                await load_floor(ex, path, BENCH_KEY, batch_size=2000)
            result.setup_seconds = time.perf_counter() - started
            if built is not None:
                result.setup_seconds += built.load_seconds
                result.template = True
            say("grades")
            result.pairs.append(await _grades(ex, day))
            say("linked risk")
            result.pairs.append(await _linked(ex, day))
            say("clusters")
            first = await _clusters(ex, day)
            result.pairs.append(first)
            again = await clusters.recompute_clusters(ex, day, progress=False)
            same = again.created == 0 and again.removed == 0
            result.checks.append(
                "a second cluster recomputation kept every id: " + ("yes" if same else "NO")
            )
            say("ownership")
            pair, share = await _ownership(ex, day, repeat)
            result.pairs.append(pair)
            expected = 0.9**6 / (1 - 0.09)
            exact = abs(share - expected) < 1e-9
            result.checks.append(
                f"ownership() of the chain's ultimate owner is {share:.9f} (closed form "
                f"{expected:.9f}): " + ("yes" if exact else "NO")
            )
            result.ok = same and exact
    return result


SETUP_COPY = ", the city once, by `python -m bench.city`; this run used a copy)."


def render(result: AnalyticsBenchResult, command: str) -> str:
    lines = [
        f"## Risk analytics ({result.scale:,} enterprises)",
        "",
        f"Command: `{command}`; server heap {result.heap}, as of {result.as_of.isoformat()}, load "
        f"average at the end {load_average()}. The generated city ({result.graph_rows:,} rows) "
        f"and the `risk_ownership` scenario were loaded with the floor statements in "
        f"{result.setup_seconds:.0f} s (setup" + (SETUP_COPY if result.template else ")."),
        "",
        "Engine = the service's full recomputation (what `creditgraph analytics …` runs); floor = "
        "the single best hand-written Cypher from `cypher/analytics/` for the same data, read "
        "only, rows streamed to the client. The floors do less (no storage, no evidence, sources "
        "from stored grades, clusters bounded to two shared persons), so they bound the cost "
        "from below.",
        "",
        "| phase | s | items | notes | floor s | floor rows | × floor |",
        "|---|---:|---:|---|---:|---:|---:|",
    ]
    for p in result.pairs:
        f = p.floor
        ratio = f"{p.ratio:.1f}" if p.ratio is not None else "–"
        seconds = (
            f"{p.engine.seconds * 1000:.1f} ms"
            if p.engine.seconds < 1
            else f"{p.engine.seconds:.1f}"
        )
        floor_seconds = (
            "–"
            if f is None
            else (f"{f.seconds * 1000:.1f} ms" if f.seconds < 1 else f"{f.seconds:.1f}")
        )
        lines.append(
            f"| {p.engine.name} | {seconds} | {p.engine.items:,} | {p.engine.note} | "
            f"{floor_seconds} | {'' if f is None else f'{f.items:,}'} | {ratio} |"
        )
    lines += ["", "Checks:", *[f"- {c}" for c in result.checks]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.analytics", description=__doc__)
    parser.add_argument("--scale", type=int, default=0, help="number of enterprises")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument(
        "--city", type=Path, help="a city built by `python -m bench.city` (overrides --scale)"
    )
    parser.add_argument("--heap", default="4g", help="JVM heap of the throwaway server")
    parser.add_argument("--repeat", type=int, default=30, help="ownership() calls to time")
    parser.add_argument("--report", type=Path, default=BENCHMARKS, help="Markdown file to update")
    parser.add_argument("--no-report", action="store_true", help="print figures only")
    args = parser.parse_args(argv)
    if args.city is None and not 1 <= args.scale <= MAX_SCALE:
        parser.error(f"--scale must be 1 to {MAX_SCALE:,} (or give --city)")
    logging.basicConfig(level=logging.WARNING)
    command = "python -m bench.analytics " + shlex.join(sys.argv[1:] if argv is None else argv)
    result = asyncio.run(
        run(scale=args.scale, heap=args.heap, seed=args.seed, repeat=args.repeat, city=args.city)
    )
    section = render(result, command)
    print()
    print(section)
    if not args.no_report:
        replace_section(SECTION, section, args.report)
        print(f"\nwrote the {SECTION} section of {args.report}")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
