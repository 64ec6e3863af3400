"""`creditgraph generate`: write a synthetic city in the import format (no database needed)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from api.settings import Settings

NAME = "generate"
HELP = "write a synthetic city (JSONL import files and manifest.json) for tests and benchmarks"


def configure(parser: argparse.ArgumentParser) -> None:
    from seeds.generator import DEFAULT_AS_OF, DEFAULT_SEED, MAX_SCALE

    parser.add_argument(
        "--scale",
        type=int,
        required=True,
        help=f"number of enterprises (1 to {MAX_SCALE:,}); other subjects scale with it",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=DEFAULT_AS_OF,
        help=f"reference date the dates are relative to (default {DEFAULT_AS_OF})",
    )
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    parser.add_argument("--quiet", action="store_true", help="no progress output")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from graph.progress import ProgressBar, progress_bar
    from seeds.generator import MAX_SCALE, generate

    if not 1 <= args.scale <= MAX_SCALE:
        print(f"creditgraph: error: --scale must be 1 to {MAX_SCALE:,}", file=sys.stderr)
        return 2
    bars: dict[str, ProgressBar] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if stage not in bars:
            bars[stage] = progress_bar(total=total, desc=stage, unit="subjects", leave=False)
        bar = bars[stage]
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    result = generate(
        args.out,
        scale=args.scale,
        seed=args.seed,
        as_of=args.as_of,
        progress=None if args.quiet else progress,
    )
    m = result.manifest
    width = max(len(str(p)) for p in result.files)
    for path in result.files:
        print(f"{path!s:<{width}}  {m.to_json()['files'][path.name]:>12,} rows")
    print(
        f"{m.total_rows:,} rows in {result.seconds:.1f} s ({result.rows_per_second:,.0f} rows/s); "
        f"importing them creates {m.total_nodes:,} nodes ({m.nodes['Subject']:,} subjects) and "
        f"{m.total_relationships:,} relationships, as counted in {args.out / 'manifest.json'}"
    )
    return 0
