"""`python -m bench --scale N`: the import benchmark; figures go to BENCHMARKS.md.

`make bench` runs it at SCALE enterprises (100,000 by default). Everything runs on throwaway
embedded servers; the developer's own database is never touched.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import shlex
import sys
from pathlib import Path

from bench import BENCH_KEY
from bench.import_report import render
from bench.importing import run_import_bench
from bench.report import BENCHMARKS, machine_section, replace_section
from seeds.generator import DEFAULT_SEED, MAX_SCALE


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--scale", type=int, required=True, help="number of enterprises")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="generator seed")
    parser.add_argument("--batch-size", type=int, default=5000, help="rows per transaction")
    parser.add_argument("--heap", default="4g", help="JVM heap of the throwaway servers")
    parser.add_argument("--keep", type=Path, help="keep the generated files in this directory")
    parser.add_argument(
        "--report", type=Path, default=BENCHMARKS, help="Markdown file to update (BENCHMARKS.md)"
    )
    parser.add_argument("--no-report", action="store_true", help="print figures only")
    args = parser.parse_args(argv)
    if not 1 <= args.scale <= MAX_SCALE:
        parser.error(f"--scale must be 1 to {MAX_SCALE:,}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    logging.basicConfig(level=logging.WARNING)
    command = "python -m bench " + shlex.join(sys.argv[1:] if argv is None else argv)
    result = asyncio.run(
        run_import_bench(
            scale=args.scale,
            seed=args.seed,
            batch_size=args.batch_size,
            heap=args.heap,
            id_key=BENCH_KEY,
            keep=args.keep,
        )
    )
    section = render(result, command)
    print()
    print(section)
    if not args.no_report:
        replace_section("machine", machine_section(), args.report)
        replace_section("import", section, args.report)
        print(f"\nwrote the machine and import sections of {args.report}")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
