"""Reading a person's protected personal data (DOMAIN.md §8.5; `personal_data` in domain.yaml).

Only the API's `Person.personalData` field calls this, after checking the caller's role and stated
purpose; the reads of one request are audited together when it ends (graph/audit.py
`record_reads`). The ID hash is never read: it is a matching key, not information about anyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.cypher import statement
from graph.executor import Executor, Record
from graph.model import MODEL

GET_PERSONAL_DATA = statement("person/get_personal_data")

# The protected properties a reader returns: all of them but the matching key.
READABLE = tuple(sorted(MODEL.protected_properties - {"idHash"}))


@dataclass(frozen=True)
class PersonalRead:
    """One resolved `personalData` field: whose, where in the response, which fields were asked."""

    sid: str
    path: tuple[str | int, ...]
    fields: tuple[str, ...]


async def personal_data(executor: Executor, sids: Sequence[str]) -> dict[str, Record]:
    """Person id → its protected properties (persons that do not exist are left out)."""
    rows = await executor.read(GET_PERSONAL_DATA, sids=list(sids))
    return {row["sid"]: row for row in rows}
