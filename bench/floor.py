"""The raw floor: the same rows loaded with plain `UNWIND $rows … MERGE … SET += props`.

The floor is what the database alone costs for the import's writes: rows are converted (IDs
hashed, dates parsed) before the clock starts, and only the time spent in the driver call is
counted. The import's time over the floor's is the price of validation, change detection and the
importer's bookkeeping.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from graph.cypher import Statement, statement
from graph.executor import Executor
from graph.identifiers import person_key
from graph.model import MODEL
from seeds.output import read_rows

MERGE_AUTHORITIES = statement("bench/merge_authorities")
MERGE_AUTHORITY_PARENTS = statement("bench/merge_authority_parents")
MERGE_MEASURES = statement("bench/merge_measures")
MERGE_ORGANIZATIONS = statement("bench/merge_organizations")
MERGE_PERSONS = statement("bench/merge_persons")
MERGE_ROLES = statement("bench/merge_roles")
MERGE_RECORDS = statement("bench/merge_records")
MERGE_LIST_ENTRIES = statement("bench/merge_list_entries")

DATE_FIELDS = frozenset(
    {
        "registeredAt",
        "from",
        "to",
        "decisionDate",
        "publishedAt",
        "publicationEnd",
        "validFrom",
        "validUntil",
    }
)
Converted = tuple[Statement, dict[str, Any]]


@cache
def _specialised(stmt: Statement, token: str, value: str) -> Statement:
    return stmt.specialise(MODEL.allowed, **{token: value})


def _props(row: dict[str, Any], drop: Iterable[str]) -> dict[str, Any]:
    skip = {"kind", *drop}
    return {
        k: date.fromisoformat(v) if k in DATE_FIELDS and isinstance(v, str) else v
        for k, v in row.items()
        if k not in skip and v is not None
    }


@dataclass
class FloorConverter:
    """Turns import-format rows into floor statement rows (the work done before timing)."""

    id_key: bytes
    parents: list[dict[str, str]] = field(default_factory=list)
    _pids: dict[str, str] = field(default_factory=dict)

    def pid(self, number: str) -> str:
        pid = self._pids.get(number)
        if pid is None:
            pid = person_key(number, self.id_key).pid
            if len(self._pids) > 100_000:
                self._pids.clear()
            self._pids[number] = pid
        return pid

    def subject(self, row: dict[str, Any], uscc: str, number: str) -> str:
        return str(row[uscc]) if row.get(uscc) else self.pid(row[number])

    def convert(self, row: dict[str, Any]) -> Converted:
        return getattr(self, "_" + row["kind"])(row)  # type: ignore[no-any-return]

    def _authority(self, row: dict[str, Any]) -> Converted:
        if row.get("parentId"):
            self.parents.append({"child": row["authorityId"], "parent": row["parentId"]})
        props = _props(row, ("authorityId", "parentId"))
        return MERGE_AUTHORITIES, {"authorityId": row["authorityId"], "props": props}

    def _measure(self, row: dict[str, Any]) -> Converted:
        return MERGE_MEASURES, {"code": row["code"], "props": _props(row, ("code",))}

    def _organization(self, row: dict[str, Any]) -> Converted:
        kind = row.get("orgKind", "ENTERPRISE")
        stmt = _specialised(MERGE_ORGANIZATIONS, "ORG", MODEL.org_label(kind))
        props = _props(row, ("orgKind",)) | {"kind": kind}
        return stmt, {"sid": row["uscc"], "props": props}

    def _person(self, row: dict[str, Any]) -> Converted:
        key = person_key(row["idNumber"], self.id_key)
        props = {
            "idHash": key.id_hash,
            "idMasked": key.id_masked,
            "idType": row.get("idType", "CITIZEN_ID"),
            "name": row["name"],
            "kind": "NATURAL_PERSON",
        }
        return MERGE_PERSONS, {"sid": key.pid, "props": props}

    def _role(self, row: dict[str, Any]) -> Converted:
        stmt = _specialised(MERGE_ROLES, "ROLE", row["role"])
        props = _props(row, ("role", "holderIdNumber", "holderUscc", "uscc", "from"))
        return stmt, {
            "holder": self.subject(row, "holderUscc", "holderIdNumber"),
            "uscc": row["uscc"],
            "from": date.fromisoformat(row["from"]),
            "props": props,
        }

    def _record(self, row: dict[str, Any]) -> Converted:
        stmt = _specialised(MERGE_RECORDS, "REC", MODEL.record_label(row["recordType"]))
        props = _props(row, ("subjectUscc", "subjectIdNumber", "authorityId"))
        return stmt, {
            "recordId": row["recordId"],
            "subject": self.subject(row, "subjectUscc", "subjectIdNumber"),
            "authorityId": row.get("authorityId"),
            "props": props,
        }

    def _listEntry(self, row: dict[str, Any]) -> Converted:
        debtors = [self.pid(n) for n in row.get("debtResponsibleIdNumbers") or []]
        props = _props(
            row, ("subjectUscc", "subjectIdNumber", "authorityId", "debtResponsibleIdNumbers")
        )
        return MERGE_LIST_ENTRIES, {
            "entryId": row["entryId"],
            "subject": self.subject(row, "subjectUscc", "subjectIdNumber"),
            "authorityId": row["authorityId"],
            "debtors": debtors,
            "props": props,
        }


@dataclass
class FloorTiming:
    rows: int = 0
    seconds: float = 0.0


async def load_floor(
    executor: Executor,
    path: Path,
    id_key: bytes,
    *,
    batch_size: int,
    on_batch: Callable[[int], object] | None = None,
) -> FloorTiming:
    """Load one import file through the floor statements; time only the database calls."""
    converter = FloorConverter(id_key)
    timing = FloorTiming()
    buffers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    statements: dict[str, Statement] = {}

    async def flush(name: str) -> None:
        rows = buffers.pop(name, [])
        if not rows:
            return
        started = time.perf_counter()
        await executor.write(statements[name], rows=rows)
        timing.seconds += time.perf_counter() - started
        timing.rows += len(rows)
        if on_batch is not None:
            on_batch(len(rows))

    for _, _, row in read_rows([path]):
        stmt, params = converter.convert(row)
        statements[stmt.name] = stmt
        buffers[stmt.name].append(params)
        if len(buffers[stmt.name]) >= batch_size:
            await flush(stmt.name)
    for name in list(buffers):
        await flush(name)
    for start in range(0, len(converter.parents), batch_size):
        batch = converter.parents[start : start + batch_size]
        started = time.perf_counter()
        await executor.write(MERGE_AUTHORITY_PARENTS, rows=batch)
        timing.seconds += time.perf_counter() - started
    return timing
