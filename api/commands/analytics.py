"""`creditgraph analytics clusters|linked-risk|grades|refresh|query`: recompute risk analytics,
serve linked-risk refresh requests, run analyst queries.

The recomputations print progress on stderr and a one-line summary on stdout; `query` runs one of
the documented files in `cypher/analytics/` (see docs/analytics.md) and prints its rows as a table
or as JSON lines.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from typing import Any

from api.settings import Settings
from graph.errors import BadUserInput

NAME = "analytics"
HELP = (
    "recompute risk clusters, linked-risk indicators or Hebei grades; serve linked-risk refresh "
    "requests; run analyst queries"
)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date: {text!r}") from None


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="task", required=True, metavar="TASK")
    for task, text in [
        ("clusters", "recompute the risk clusters (connected groups holding a listed subject)"),
        (
            "linked-risk",
            "recompute every linked-risk indicator (companies sharing persons or owners with a "
            "listed or C/D-graded one; for supervision priorities, never a sanction)",
        ),
        ("grades", "grade every organisation (Hebei A/B/C/D) and store the evaluations"),
        ("refresh", "serve the pending linked-risk refresh requests (what the API's worker does)"),
    ]:
        p = sub.add_parser(task, help=text, description=text)
        p.add_argument("--as-of", type=_day, help="the day (default: today)")
        p.add_argument("--quiet", action="store_true", help="no progress output")
    from graph.risk.analytics import QUERIES

    q = sub.add_parser(
        "query",
        help="run an analyst query from cypher/analytics/",
        description="Run a documented query from cypher/analytics/ (docs/analytics.md). "
        "Parameters the model and schemes define are filled in; give the others with --param.",
    )
    q.add_argument(
        "name",
        choices=sorted(QUERIES),
        metavar="NAME",
        help=f"the query: {', '.join(sorted(QUERIES))}",
    )
    q.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a parameter; VALUE is JSON, an ISO date, or else a string (repeatable)",
    )
    q.add_argument("--as-of", type=_day, help="the day for date parameters (default: today)")
    q.add_argument("--json", action="store_true", help="print JSON lines instead of a table")


def parse_param(text: str) -> tuple[str, Any]:
    key, sep, raw = text.partition("=")
    if not sep or not key:
        raise BadUserInput(f"--param wants KEY=VALUE, got {text!r}")
    try:
        return key, date.fromisoformat(raw)
    except ValueError:
        pass
    try:
        return key, json.loads(raw)
    except json.JSONDecodeError:
        return key, raw


def _cell(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


def table(rows: list[dict[str, Any]]) -> str:
    """Rows as a Markdown table (also what docs/analytics.md shows)."""
    if not rows:
        return "(no rows)"
    cols = list(rows[0])
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        lines.append("| " + " | ".join(_cell(r.get(c)).replace("|", "\\|") for c in cols) + " |")
    return "\n".join(lines)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from api.cli import run_async

    async def work(executor: Any) -> int:
        from graph.risk import analytics, clusters, grading, linked, refresh

        progress = not getattr(args, "quiet", False)
        if args.task == "clusters":
            c = await clusters.recompute_clusters(executor, args.as_of, progress=progress)
            note = " (search stopped at its bound)" if c.truncated else ""
            print(
                f"risk clusters: {c.clusters} ({c.created} new, {c.updated} unchanged, "
                f"{c.removed} removed) after {c.rounds} search rounds{note}"
            )
        elif args.task == "linked-risk":
            r = await linked.recompute_all_linked_risk(executor, progress, args.as_of)
            print(
                f"linked risk: {r.sources} sources, {r.indicators} indicators on {r.targets} "
                f"subjects, {r.removed} stale removed"
            )
        elif args.task == "refresh":
            d = await refresh.drain(executor, as_of=args.as_of, progress=progress)
            skipped = f", {len(d.skipped)} skipped (too heavy, see the log)" if d.skipped else ""
            print(
                f"linked-risk refresh: {d.requests} requests, {d.indicators} indicators on "
                f"{d.targets} subjects{skipped}"
            )
        elif args.task == "grades":
            counts = await grading.recompute_all_grades(executor, args.as_of, progress=progress)
            day = args.as_of or date.today()
            summary = ", ".join(f"{g} {n}" for g, n in counts.items())
            print(f"Hebei grades as of {day.isoformat()}: {summary}")
        else:
            given = dict(parse_param(p) for p in args.param)
            rows = await analytics.run_query(executor, args.name, given, args.as_of)
            if args.json:
                for row in rows:
                    print(json.dumps(row, ensure_ascii=False, default=_cell))
            else:
                print(table(rows))
        sys.stdout.flush()
        return 0

    return run_async(work, settings)
