"""`python -m bench.propagation --scale N`: designation with propagation, and full re-derivation.

1. Generate a city of `scale` enterprises (`seeds.generator`) and load it on a throwaway server
   with the import benchmark's plain floor statements (`bench.floor`), untimed setup.
2. Designation: `--entries` serious-list decisions (10,000 by default) against distinct
   enterprises, through `graph.sanctions.designation.designate_in` in transactions of `--batch`
   decisions: checks, entries, propagation (P1, P8 …), person records and audit, timed. The
   linked-risk refresh (graph/risk/, analytics) is timed apart on `--risk-sample` more.
   Then `--court` dishonest judgment debtor entries arrive as a court feed through the importer
   with propagation on (`import_rows(propagate=True)`: per batch, entries, derived serious-list
   entries, flags, person records, linked-risk refresh and audit in one transaction).
3. First full derivation (`graph.sanctions.rederive.rederive_all`): the city's own list entries and
   records were loaded raw, so this derives their flags for the first time; then a second full
   re-derivation, which must create and end nothing.
4. Floor, same run and server: the same decisions under other ids, planned before the clock
   (`designation.preview`), then written with the engine's own plain `UNWIND` write statements
   (entries, flags, paths, person records) and nothing else: no reference checks, no reads of
   sources or role holders, no planning, no pruning, no audit. Then the same flag rows written a
   second time (the floor of a re-derivation that changes nothing).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import shlex
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bench import BENCH_KEY
from bench.city import city_or_generate
from bench.floor import load_floor
from bench.report import BENCHMARKS, load_average, replace_section
from bench.server import BenchServer, throwaway_server
from graph.audit import Actor
from graph.errors import Unavailable
from graph.executor import Executor, Tx
from graph.identifiers import person_key
from graph.importer import import_rows
from graph.progress import progress_bar
from graph.propagation.engine import (
    MERGE_ENTRY_FLAGS,
    MERGE_FLAG_PATHS,
    MERGE_PERSON_RECORDS,
    Outcome,
)
from graph.propagation.plan import Plan
from graph.risk import refresh
from graph.sanctions import designation, rederive
from graph.sanctions.designation import CREATE_LIST_ENTRIES
from graph.sanctions.inputs import DesignationIn
from seeds.generator import DEFAULT_SEED, MAX_SCALE
from seeds.output import FILES, read_rows

SECTION = "propagation"
RISK_BATCH = 10  # designations per transaction in the linked-risk sample
ACTOR = Actor("bench", "system")


@dataclass
class Timed:
    name: str
    items: int
    seconds: float
    flags: int = 0
    note: str = ""

    @property
    def rate(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0

    @property
    def flag_rate(self) -> float:
        return self.flags / self.seconds if self.seconds else 0.0


@dataclass
class PropagationBenchResult:
    scale: int
    entries: int
    batch: int
    heap: str
    as_of: date
    setup_seconds: float = 0.0
    template: bool = False  # the city was loaded once by bench.city and copied
    graph_rows: int = 0
    phases: list[Timed] = field(default_factory=list)
    floors: list[Timed] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    ok: bool = True


def _decisions(
    files: Sequence[Path], count: int, as_of: date, suffix: str, skip: int = 0
) -> list[DesignationIn]:
    """`count` serious-list decisions against distinct enterprises (after the first `skip`);
    every fifth names a debt-responsible person."""
    usccs: list[str] = []
    persons: list[str] = []
    authority = None
    wanted = {FILES["authority"], FILES["organization"], FILES["person"]}
    for _, _, row in read_rows([f for f in files if f.name in wanted]):
        kind = row["kind"]
        if kind == "organization" and row.get("orgKind", "ENTERPRISE") == "ENTERPRISE":
            usccs.append(row["uscc"])
        elif kind == "person" and len(persons) < skip + count:
            persons.append(person_key(row["idNumber"], BENCH_KEY).pid)
        elif kind == "authority" and authority is None:
            authority = row["authorityId"]
    if authority is None or len(usccs) < skip + count:
        raise SystemExit(f"the city has {len(usccs)} enterprises; ask for fewer designations")
    decided = as_of - timedelta(days=30)
    items = []
    for i, uscc in enumerate(sorted(usccs)[skip : skip + count], skip):
        items.append(
            DesignationIn(
                entryId=f"BENCH-{suffix}-{i:06d}",
                listType="SERIOUS_DISHONESTY",
                subjectId=uscc,
                authorityId=authority,
                decisionNo=f"基准〔{decided.year}〕{i}号",
                decisionDate=decided,
                reason="benchmark",
                legalBasis="002 HLJ Art.29",
                validUntil=decided + timedelta(days=3 * 365),
                removalConditions="benchmark",
                remedies="benchmark",
                debtResponsibleIds=(persons[i],) if i % 5 == 0 and i < len(persons) else (),
            )
        )
    return items


def _court_rows(items: Sequence[DesignationIn]) -> list[tuple[str, int, dict[str, Any]]]:
    """The same kind of decisions as a court's dishonest judgment debtor feed (import rows)."""
    rows = []
    for n, d in enumerate(items, 1):
        row = {
            "kind": "listEntry",
            "entryId": d.entry_id,
            "listType": "JUDGMENT_DEFAULTER",
            "subjectUscc": d.subjectId,
            "authorityId": d.authorityId,
            "decisionNo": d.decisionNo,
            "decisionDate": d.decisionDate,
            "reason": "有履行能力而拒不履行生效法律文书确定的义务",
            "legalBasis": "002 HLJ Art.21(4)",
            "validFrom": d.decisionDate,
        }
        rows.append(("court-feed", n, row))
    return rows


async def _import_court(ex: Executor, items: list[DesignationIn], batch: int, on: date) -> Timed:
    started = time.perf_counter()
    summary = await import_rows(
        ex,
        _court_rows(items),
        id_key=BENCH_KEY,
        batch_size=batch,
        progress=False,
        propagate=True,
        on=on,
    )
    seconds = time.perf_counter() - started
    p = summary.propagated
    assert p is not None
    note = f"{p.created_entries:,} serious entries derived (P2), {summary.rejected} rejected"
    return Timed("court feed import (propagation on)", len(items), seconds, p.flags, note)


def _batches(items: Sequence[DesignationIn], size: int) -> list[list[DesignationIn]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


async def _designate(
    ex: Executor, items: list[DesignationIn], batch: int, on: date, linked_risk: bool = False
) -> Timed:
    flags = records = 0
    started = time.perf_counter()
    with progress_bar(total=len(items), desc="designate", unit="entry", leave=False) as bar:
        for chunk in _batches(items, batch):

            async def work(tx: Tx, chunk: list[DesignationIn] = chunk) -> Outcome:
                done = await designation.designate_in(
                    tx, ACTOR, chunk, on=on, linked_risk=linked_risk
                )
                return done.outcome

            outcome = await ex.unit(work, name="bench-designate")
            flags += len(outcome.flags)
            records += len(outcome.records)
            bar.update(len(chunk))
    note = f"{records:,} person records"
    if linked_risk:  # the designations asked for it; the refresh worker's drain serves it
        served = await refresh.drain(ex, as_of=on)
        note += f"; refresh: {served.targets:,} targets, {served.indicators:,} indicators"
    seconds = time.perf_counter() - started
    name = "designation + linked-risk refresh" if linked_risk else "designation (engine)"
    return Timed(name, len(items), seconds, flags, note)


async def _rederive(ex: Executor, name: str, on: date, batch: int) -> tuple[Timed, Any]:
    started = time.perf_counter()
    result = await rederive.rederive_all(ex, ACTOR, on=on, batch=batch, linked_risk=False)
    seconds = time.perf_counter() - started
    note = (
        f"{result.created_flags:,} flags created, {result.ended_flags:,} ended, "
        f"{result.created_entries:,} entries derived"
    )
    return Timed(name, result.sources, seconds, result.flags, note), result


async def _plans(ex: Executor, items: list[DesignationIn], batch: int) -> list[Plan]:
    return [await designation.preview(ex, chunk) for chunk in _batches(items, batch)]


async def _floor(
    ex: Executor, items: list[DesignationIn], plans: list[Plan], batch: int, on: date
) -> tuple[Timed, Timed]:
    rows = []
    for chunk, plan in zip(_batches(items, batch), plans, strict=True):
        rows.append(
            (
                [d.row() for d in chunk],
                [f.row() for f in plan.flags.values()],
                [p for f in plan.flags.values() for p in f.path_rows()],
                [r.row(on) for r in plan.records.values()],
            )
        )
    flags = sum(len(r[1]) for r in rows)
    at = time.perf_counter

    async def write(tx: Tx, part: Any, with_entries: bool) -> None:
        entries, flag_rows, paths, records = part
        if with_entries:
            await tx.run(CREATE_LIST_ENTRIES, entries=entries, at=None, actor="bench")
        await tx.run(MERGE_ENTRY_FLAGS, flags=flag_rows, on=on)
        if paths:
            await tx.run(MERGE_FLAG_PATHS, paths=paths)
        if records:
            await tx.run(MERGE_PERSON_RECORDS, records=records)

    timings = []
    for with_entries in (True, False):
        started = at()
        for part in rows:

            async def work(tx: Tx, part: Any = part, w: bool = with_entries) -> None:
                await write(tx, part, w)

            await ex.unit(work, name="bench-floor")
        timings.append(at() - started)
    return (
        Timed("designation floor", len(items), timings[0], flags),
        Timed("re-derivation floor (same flags again)", len(items), timings[1], flags),
    )


async def run(
    *,
    scale: int,
    entries: int,
    batch: int,
    heap: str,
    seed: int,
    risk_sample: int,
    court: int = 0,
    city: Path | None = None,
    say: Any = print,
) -> PropagationBenchResult:
    with tempfile.TemporaryDirectory(prefix="creditgraph-bench-prop-") as tmp:
        generation, built = city_or_generate(city, Path(tmp), scale, seed, say)
        scale = generation.manifest.scale
        as_of = date.fromisoformat(generation.manifest.as_of)
        result = PropagationBenchResult(scale, entries, batch, heap, as_of)
        result.graph_rows = generation.manifest.total_rows
        engine_items = _decisions(generation.files, entries, as_of, "E")
        floor_items = _decisions(generation.files, entries, as_of, "F")
        sample = _decisions(generation.files, risk_sample, as_of, "R", skip=entries)
        court_items = _decisions(generation.files, court, as_of, "C", skip=entries + risk_sample)
        async with throwaway_server(heap, template=built.template if built else None) as server:
            if built is None:
                await _setup(server, generation.files, result, say)
            else:
                result.setup_seconds, result.template = built.load_seconds, True
            ex = server.executor
            say("planning the floor's decisions (untimed)")
            plans = await _plans(ex, floor_items, batch)
            say(f"designating {entries:,} entries through the engine")
            designated = await _designate(ex, engine_items, batch, as_of)
            result.phases.append(designated)
            planned = sum(len(p.flags) for p in plans)
            result.checks.append(
                f"flags written by the engine equal the preview's plan: "
                f"{'yes' if planned == designated.flags else f'no ({planned} planned)'}"
            )
            say(f"  {designated.seconds:.1f} s, {designated.flags:,} flags")
            if sample:
                say(f"designating {len(sample):,} more with the linked-risk refresh")
                started = time.perf_counter()
                try:
                    with_risk = await _designate(ex, sample, RISK_BATCH, as_of, linked_risk=True)
                    result.phases.append(with_risk)
                except Unavailable:
                    result.checks.append(
                        f"designation with the linked-risk refresh: a batch of {RISK_BATCH} did "
                        f"not finish within the transaction timeout (gave up after "
                        f"{time.perf_counter() - started:.0f} s)"
                    )
            if court_items:
                say(f"importing {len(court_items):,} court entries with propagation")
                imported = await _import_court(ex, court_items, batch, as_of)
                result.phases.append(imported)
                say(f"  {imported.seconds:.1f} s, {imported.flags:,} flags")
            say("first full derivation")
            first, _ = await _rederive(ex, "first full derivation (whole graph)", as_of, batch)
            result.phases.append(first)
            say("full re-derivation (nothing changed)")
            second, again = await _rederive(ex, "full re-derivation (no change)", as_of, batch)
            result.phases.append(second)
            unchanged = again.created_flags == 0 and again.ended_flags == 0
            result.checks.append(
                "the second re-derivation created and ended nothing: "
                + ("yes" if unchanged else "NO")
            )
            result.ok = unchanged and planned == designated.flags
            say("floor")
            result.floors.extend(await _floor(ex, floor_items, plans, batch, as_of))
    return result


async def _setup(
    server: BenchServer, files: Sequence[Path], result: PropagationBenchResult, say: Any
) -> None:
    say("loading the city with the floor statements (setup, untimed in the figures)")
    started = time.perf_counter()
    for path in files:
        await load_floor(server.executor, path, BENCH_KEY, batch_size=5000)
    result.setup_seconds = time.perf_counter() - started


def _rate(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 else f"{value:.2f}"


SETUP_COPY = ", once, by `python -m bench.city`; this run used a copy)."


def render(result: PropagationBenchResult, command: str) -> str:
    designated = result.phases[0]
    lines = [
        f"## Propagation ({result.scale:,} enterprises, {result.entries:,} designations)",
        "",
        f"Command: `{command}`; batch {result.batch:,} decisions per transaction, server heap "
        f"{result.heap}, as of {result.as_of.isoformat()}, load average at the end "
        f"{load_average()}. The generated city ({result.graph_rows:,} rows) was loaded with "
        f"the floor statements in {result.setup_seconds:.0f} s (setup"
        + (SETUP_COPY if result.template else ")."),
        "",
        "Engine = `designate_in` per transaction (reference checks, entries, propagation through "
        "the rules, person records, audit) and `rederive_all` (expiry, orphans, every source), "
        "both without asking for the linked-risk refresh (graph/risk/refresh.py: indicators "
        "follow after the commit)"
        + (
            f"; the refresh is timed on its own sample (batches of {RISK_BATCH}, the drain "
            "included)"
            if any(t.name.startswith("designation +") for t in result.phases)
            else ""
        )
        + "."
        + (
            " The court feed goes through `import_rows(propagate=True)` with everything "
            "(derived entries, flags, refresh requests, audit) per batch and the refresh drained "
            "at the end."
            if any(t.name.startswith("court") for t in result.phases)
            else ""
        )
        + " Floor = the same entries, flags, paths and person records, planned before the "
        "clock, written with the same plain `UNWIND` write statements and nothing else.",
        "",
        "| phase | items | s | items/s | flags | flags/s | notes |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for t in [*result.phases, *result.floors]:
        lines.append(
            f"| {t.name} | {t.items:,} | {t.seconds:.1f} | {_rate(t.rate)} | {t.flags:,} | "
            f"{_rate(t.flag_rate)} | {t.note} |"
        )
    if result.floors and result.floors[0].seconds:
        lines += [
            "",
            f"Designation costs {designated.seconds / result.floors[0].seconds:.2f}× its floor.",
        ]
    lines += ["", "Checks:", *[f"- {c}" for c in result.checks]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.propagation", description=__doc__)
    parser.add_argument("--scale", type=int, default=0, help="number of enterprises")
    parser.add_argument("--entries", type=int, default=10_000, help="designations to make")
    parser.add_argument("--batch", type=int, default=500, help="decisions per transaction")
    parser.add_argument(
        "--risk-sample",
        type=int,
        default=20,
        help="further designations made with the linked-risk refresh (graph/risk/), timed apart",
    )
    parser.add_argument(
        "--court",
        type=int,
        default=1000,
        help="court (judgment debtor) entries imported with propagation, timed apart",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument(
        "--city", type=Path, help="a city built by `python -m bench.city` (overrides --scale)"
    )
    parser.add_argument("--heap", default="4g", help="JVM heap of the throwaway server")
    parser.add_argument("--report", type=Path, default=BENCHMARKS, help="Markdown file to update")
    parser.add_argument("--no-report", action="store_true", help="print figures only")
    args = parser.parse_args(argv)
    if args.city is None and not 1 <= args.scale <= MAX_SCALE:
        parser.error(f"--scale must be 1 to {MAX_SCALE:,} (or give --city)")
    logging.basicConfig(level=logging.WARNING)
    command = "python -m bench.propagation " + shlex.join(sys.argv[1:] if argv is None else argv)
    result = asyncio.run(
        run(
            scale=args.scale,
            entries=args.entries,
            batch=args.batch,
            heap=args.heap,
            seed=args.seed,
            risk_sample=args.risk_sample,
            court=args.court,
            city=args.city,
        )
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
