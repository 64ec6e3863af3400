"""`creditgraph import FILE...`: load departmental feeds (JSONL / CSV, docs/import-format.md).

Imported list entries and records go through the sanction rules batch by batch, as designations
do (a court's dishonest judgment debtor list becomes a serious-list entry, P1 reaches the persons).

Exit codes: 0 every row loaded, 1 some rows rejected (see the rejects file), 2 a usage or
connection error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from api.settings import Settings
from graph.inputs import IMPORT_MODELS

NAME = "import"
HELP = "import organisations, persons, roles, records, … from JSONL or CSV files"
SHOWN_REJECTS = 10


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help=".jsonl or .csv files")
    parser.add_argument(
        "--kind",
        choices=list(IMPORT_MODELS),
        help="kind of the rows (default: the `kind` field, or the CSV file name's first word)",
    )
    parser.add_argument(
        "--batch-size", type=int, default=5000, help="rows per transaction (default 5000)"
    )
    parser.add_argument(
        "--rejects",
        type=Path,
        metavar="PATH",
        help="write all rejects here (default: <file>.rejects.jsonl beside each input)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument(
        "--no-risk-refresh",
        action="store_true",
        help="leave the linked-risk refresh requests the import makes to the API's worker or "
        "`creditgraph analytics refresh` (default: serve them before returning)",
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    from api.cli import fail, run_async
    from graph.errors import CreditGraphError
    from graph.importer import import_files
    from graph.migrate import migrate

    if args.batch_size < 1:
        return fail("--batch-size must be at least 1")
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        return fail(f"no such file: {', '.join(missing)}")

    async def work(executor: Any) -> int:
        await migrate(executor)
        summary = await import_files(
            executor,
            args.files,
            id_key=settings.id_hash_key.get_secret_value().encode(),
            batch_size=args.batch_size,
            rejects_path=args.rejects,
            kind=args.kind,
            progress=not args.no_progress,
            propagate=True,
            risk_refresh=not args.no_risk_refresh,
        )
        for item in summary.sample[:SHOWN_REJECTS]:
            print(item, file=sys.stderr)
        if summary.rejected > len(summary.sample[:SHOWN_REJECTS]):
            print(f"… {summary.rejected - SHOWN_REJECTS} more rejected", file=sys.stderr)
        print(summary.format())
        return 1 if summary.rejected else 0

    try:
        return run_async(work, settings)
    except CreditGraphError as exc:
        return fail(str(exc))
