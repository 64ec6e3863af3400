"""BENCHMARKS.md: one section per benchmark, each replaced in place when its benchmark runs again.

A section is the text between `<!-- section: NAME -->` and `<!-- /section: NAME -->`; anything
outside the markers (the title, notes written by hand) is kept. The `machine` section describes
the computer the latest figures were measured on.
"""

from __future__ import annotations

import os
import platform
import re
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "BENCHMARKS.md"
TITLE = """# Benchmarks

Figures measured by the benchmarks in `bench/`. Each benchmark owns one section below and rewrites
it when it runs (`bench/report.py`); the machine section describes the computer of the latest run.
Later benchmarks (GraphQL, propagation, analytics) add their own sections the same way.
"""


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- section: {name} -->", f"<!-- /section: {name} -->"


def replace_section(name: str, body: str, path: Path = BENCHMARKS) -> None:
    """Write `body` as section `name` of `path`, replacing the old one or appending it."""
    start, end = _markers(name)
    block = f"{start}\n{body.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else TITLE
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text, count=1)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def read_section(name: str, path: Path = BENCHMARKS) -> str | None:
    start, end = _markers(name)
    if not path.exists():
        return None
    match = re.search(
        re.escape(start) + r"\n(.*?)\n" + re.escape(end), path.read_text("utf-8"), re.DOTALL
    )
    return match.group(1) if match else None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine_section() -> str:
    """The machine's description: CPU, cores, RAM, OS, Python, database and driver versions."""
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join(
        [
            "## Machine",
            "",
            "| | |",
            "|---|---|",
            f"| CPU | {_cpu_model()} |",
            f"| cores | {os.cpu_count()} |",
            f"| RAM | {_ram_gib():.1f} GiB |",
            f"| OS | {platform.system()} {platform.release()} |",
            f"| Python | {platform.python_version()} |",
            f"| ArcadeDB | arcadedb-embedded {_version('arcadedb-embedded')} (Bolt) |",
            f"| neo4j driver | {_version('neo4j')} |",
            f"| measured | {now} |",
        ]
    )


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "n/a"
    return f"{one:.2f} / {five:.2f} / {fifteen:.2f}"


def finish(section: str, name: str, *, no_report: bool, machine: bool = False) -> int:
    """Print a benchmark's section and, unless told not to, write it (and the machine's)."""
    print(section)
    if not no_report:
        if machine:
            replace_section("machine", machine_section(), BENCHMARKS)
        replace_section(name, section, BENCHMARKS)
    return 0
