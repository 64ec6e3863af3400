"""`creditgraph expire [--as-of DATE]`: end list entries and flags whose period is over (P14).

Readers already treat an entry past its `validUntil` as not counting; this job makes the stored
state agree (entries REMOVED with reason EXPIRED, their flags ended, measures terminated, person
records no longer published), one audited transaction per batch.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from typing import Any

from api.settings import Settings

NAME = "expire"
HELP = "end list entries and flags whose period ended before a date (default: today)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=None,
        metavar="DATE",
        help="entries with validUntil before this day expire (ISO date; default: today)",
    )
    parser.add_argument("--batch", type=int, default=1000, help="entries per transaction")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from api.cli import run_async
    from graph.audit import Actor
    from graph.risk.progress import Progress
    from graph.sanctions.lifecycle import expire

    as_of: date = args.as_of or date.today()
    actor = Actor(f"cli:{getpass.getuser()}", "system")

    async def work(executor: Any) -> int:
        with Progress("expire", None, enabled=not args.quiet and sys.stderr.isatty()) as bar:

            def progress(done: int, total: int) -> None:
                bar.update(done - bar.done)
                bar.note(f"{done}/{total} entries")

            result = await expire(executor, actor, as_of=as_of, batch=args.batch, progress=progress)
        print(
            f"expired {result.entries} list entries as of {as_of.isoformat()}: "
            f"{result.flags} flags ended, {result.applications} measure applications terminated"
        )
        return 0

    return run_async(work, settings)
