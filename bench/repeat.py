"""Flake check: run a set of tests many times in a row and record how often they pass.

    python -m bench.repeat --runs 30 tests/test_robustness.py

Each run is a fresh `pytest` process (its own throwaway servers, as in CI), one after another,
so a test that depends on timing shows up as a failed run here rather than as a red CI run
later. Not part of `make test`: thirty runs of the robustness tests take about fifteen minutes.
The result is written to BENCHMARKS.md (section `flake-check`), failures with their last lines.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.report import replace_section

ROOT = Path(__file__).resolve().parents[1]
TAIL = 15  # lines of a failed run's output kept in the report


@dataclass(frozen=True)
class Run:
    number: int
    passed: bool
    seconds: float
    summary: str
    tail: str


def run_once(number: int, targets: list[str]) -> Run:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *targets],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    lines = (proc.stdout + proc.stderr).strip().splitlines()
    summary = lines[-1] if lines else f"exit {proc.returncode}"
    return Run(
        number=number,
        passed=proc.returncode == 0,
        seconds=time.monotonic() - started,
        summary=summary.strip("= "),
        tail="\n".join(lines[-TAIL:]),
    )


def report(runs: list[Run], targets: list[str], started: datetime) -> str:
    passed = sum(r.passed for r in runs)
    seconds = sorted(r.seconds for r in runs)
    command = f"python -m bench.repeat --runs {len(runs)} {' '.join(targets)}"
    lines = [
        "## Flake check",
        "",
        f"`{command}` ({started:%Y-%m-%d %H:%M} UTC): **{passed} of {len(runs)} runs passed**,"
        f" each a fresh pytest process; run time {seconds[0]:.0f}–{seconds[-1]:.0f} s"
        f" (median {seconds[len(seconds) // 2]:.0f} s). Other work shared the machine's two cores"
        " during the runs.",
        "",
        "| run | result | seconds |",
        "|---:|---|---:|",
        *(f"| {r.number} | {r.summary} | {r.seconds:.1f} |" for r in runs),
    ]
    for r in runs:
        if not r.passed:
            lines += ["", f"Run {r.number} failed:", "", "```", r.tail, "```"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.repeat",
        description="Run tests many times in a row and record how often they pass.",
    )
    parser.add_argument("targets", nargs="+", help="test files or node ids, as for pytest")
    parser.add_argument("--runs", type=int, default=30, help="how many runs (default 30)")
    parser.add_argument(
        "--no-record", action="store_true", help="print the result, leave BENCHMARKS.md alone"
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    started = datetime.now(UTC)
    runs: list[Run] = []
    for number in range(1, args.runs + 1):
        run = run_once(number, args.targets)
        runs.append(run)
        ok = sum(r.passed for r in runs)
        print(
            f"run {number}/{args.runs}: {'passed' if run.passed else 'FAILED'} in"
            f" {run.seconds:.1f} s ({ok} of {number} passed so far): {run.summary}",
            flush=True,
        )
    text = report(runs, args.targets, started)
    if not args.no_record:
        replace_section("flake-check", text)
    print(text)
    return 0 if all(r.passed for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
