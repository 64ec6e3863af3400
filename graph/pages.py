"""Per-parent pages: the shape every batched "list under each parent" statement returns."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.executor import Record


@dataclass(frozen=True)
class Page:
    """Up to `limit` rows of one parent's list starting at `skip`, and the list's total."""

    rows: list[Record] = field(default_factory=list)
    total: int = 0


def pages_by_sid(rows: list[Record]) -> dict[str, Page]:
    return {row["sid"]: Page(rows=row["page"], total=row["total"]) for row in rows}
