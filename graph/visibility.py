"""What a reader may hand to its caller: everything, or only what is published today.

The public may see dishonesty information only while it is published, positive information
long-term (002 HLJ Art.37), and nothing that was removed, repaired or has expired (DOMAIN.md §3.5).
The per-role policies are declared in `api/permissions.py`; the readers in `graph/` take a
`Visibility` and turn it into statement parameters, so hidden rows never leave the database and
page totals count only what the caller may see.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Visibility:
    """A reading policy. `published_only` False means everything (supervision roles).

    With `published_only`: list entries only while in force (begun, status in force, period not
    over: graph/rules/in_force.py); credit records only with a status in `record_statuses`,
    publication begun, not stopped and not past `publicationEnd` (except the long-term types);
    sanction flags only in force today and public; measures only published.
    """

    name: str
    published_only: bool = False
    record_statuses: tuple[str, ...] = ()
    long_term_record_types: tuple[str, ...] = ()

    def published_statuses(self) -> list[str] | None:
        """The `published` parameter of the record readers (null: no restriction)."""
        return list(self.record_statuses) if self.published_only else None


FULL = Visibility("full")
