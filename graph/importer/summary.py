"""The outcome of an import: rows created, updated and rejected per kind."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from graph.importer.rejects import Reject


@dataclass
class KindCounts:
    """Rows of one kind. `updated`: the key existed (or recurred in the run) and was set again."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    rejected: int = 0


@dataclass
class Propagated:
    """What the sanction rules derived from the run's rows (graph/importer/propagation.py)."""

    sources: int = 0  # list entries and records propagated (some twice: see `repropagated`)
    flags: int = 0  # flags in force the rules imply for them
    created_flags: int = 0
    ended_flags: int = 0
    created_entries: int = 0  # derived serious-list entries (P2)
    removed_entries: int = 0  # derived entries whose source no longer counts
    repropagated: int = 0  # sources propagated again because their roles came later

    def add(self, other: Propagated) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class ImportSummary:
    kinds: dict[str, KindCounts] = field(default_factory=dict)
    propagated: Propagated | None = None  # None: the run did not propagate
    seconds: float = 0.0
    sample: list[Reject] = field(default_factory=list)  # the first rejects, for a terminal
    rejects_files: dict[Path, int] = field(default_factory=dict)

    def of(self, kind: str) -> KindCounts:
        counts = self.kinds.get(kind)
        if counts is None:
            counts = self.kinds[kind] = KindCounts()
        return counts

    @property
    def rows(self) -> int:
        return sum(c.rows for c in self.kinds.values())

    @property
    def created(self) -> int:
        return sum(c.created for c in self.kinds.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.kinds.values())

    @property
    def rejected(self) -> int:
        return sum(c.rejected for c in self.kinds.values())

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def format(self) -> str:
        """A small table for a terminal."""
        width = max([len(k) for k in self.kinds] + [5])
        lines = [f"{'kind':<{width}}  {'rows':>8} {'created':>8} {'updated':>8} {'rejected':>8}"]
        for kind, c in sorted(self.kinds.items()):
            lines.append(
                f"{kind:<{width}}  {c.rows:>8} {c.created:>8} {c.updated:>8} {c.rejected:>8}"
            )
        lines.append(
            f"{'total':<{width}}  {self.rows:>8} {self.created:>8} {self.updated:>8} "
            f"{self.rejected:>8}   ({self.seconds:.1f} s, {self.rows_per_second:,.0f} rows/s)"
        )
        if self.propagated is not None:
            p = self.propagated
            lines.append(
                f"sanctions: {p.sources} sources propagated ({p.repropagated} again for roles "
                f"loaded after them): {p.created_flags} flags created, {p.ended_flags} ended, "
                f"{p.created_entries} entries derived, {p.removed_entries} removed"
            )
        for path, n in self.rejects_files.items():
            lines.append(f"{n} rejected row(s) written to {path}")
        return "\n".join(lines)
