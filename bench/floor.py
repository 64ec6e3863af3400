"""The raw floor: the same rows written by the plainest fast statements, timing only the database.

The floor is what the database alone costs for the import's writes: rows are converted (IDs
hashed, dates parsed into the Bolt form the import sends) before the clock starts, and only the
time spent in the driver call is counted. It writes the same properties as the import, defaults
included (tests/test_bench_floor.py compares the two graphs). The import's time over the floor's
is the price of validation, change detection and the importer's bookkeeping. Both keep the
name-gram index of the search (graph/search) in the transaction that writes the names.

The statements (`cypher/bench/insert_*.cypher`) are `UNWIND $rows`, a key lookup, and a CREATE
with every property inline. A literal `MERGE (n:Label {key: r.key}) SET n += r.props` would be
no floor on ArcadeDB: measured on this machine, MERGE does not use the unique index (~40-80
node rows/s on a 10k-node graph, falling as it grows) and a SET after CREATE costs ~10x the same
properties inline (~190 vs ~2,500 rows/s).
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
from graph.executor import Executor, Tx
from graph.identifiers import person_key
from graph.importer.wire import wire_date
from graph.model import MODEL
from graph.search import index_names
from seeds.output import read_rows

INSERT_AUTHORITIES = statement("bench/insert_authorities")
INSERT_AUTHORITY_PARENTS = statement("bench/insert_authority_parents")
INSERT_MEASURES = statement("bench/insert_measures")
INSERT_ORGANIZATIONS = statement("bench/insert_organizations")
INSERT_PERSONS = statement("bench/insert_persons")
INSERT_ROLES = statement("bench/insert_roles")
INSERT_RECORDS = statement("bench/insert_records")
INSERT_LIST_ENTRIES = statement("bench/insert_list_entries")
# Statements that write subject names: the import keeps the name-gram index of the search in the
# same transaction (graph/search), so the floor does too, with the same statements.
_NAMED = (INSERT_ORGANIZATIONS.name, INSERT_PERSONS.name)

DATE_FIELDS = frozenset(
    {"registeredAt", "from", "to", "decisionDate", "publishedAt", "publicationEnd", "validFrom",
     "validUntil"}
)  # fmt: skip
FLOAT_FIELDS = frozenset({"ratio", "amount"})  # stored as floats, as the import's models have them
# The properties each floor statement writes (absent values are passed as null).
AUTHORITY = ("authorityId", "name", "level", "domain", "region", "participatesIn")
MEASURE = ("code", "name", "measureKind", "category", "listSource", "legalBasis",
           "defaultDurationDays", "published")  # fmt: skip
ORGANIZATION = ("uscc", "name", "region", "industry", "isSOE", "status", "registeredAt")
ROLE = ("uscc", "from", "to", "ratio", "position")
RECORD = ("recordId", "recordType", "authorityId", "decisionNo", "decisionDate", "publishedAt",
          "publicationEnd", "legalBasis", "domain", "severity", "procedure", "penaltyKind",
          "arrearsKind", "commitmentStatus", "amount", "status", "title")  # fmt: skip
ENTRY = ("entryId", "listType", "authorityId", "decisionNo", "decisionDate", "reason",
         "legalBasis", "validFrom", "validUntil", "removalConditions", "remedies",
         "status")  # fmt: skip
Converted = tuple[Statement, dict[str, Any]]


@cache
def _specialised(stmt: Statement, token: str, value: str) -> Statement:
    return stmt.specialise(MODEL.allowed, **{token: value})


def _pick(row: dict[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """The row's values of `names`, dates parsed into the Bolt form the import sends them in
    (graph/importer/wire.py), numbers the models hold as floats as floats."""
    out = {}
    for name in names:
        value = row.get(name)
        if value is not None and name in DATE_FIELDS:
            value = wire_date(date.fromisoformat(value))
        elif value is not None and name in FLOAT_FIELDS:
            value = float(value)
        out[name] = value
    return out


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
        kind = row["kind"]
        if kind == "authority":
            if row.get("parentId"):
                self.parents.append({"child": row["authorityId"], "parent": row["parentId"]})
            return INSERT_AUTHORITIES, _pick(row, AUTHORITY)
        if kind == "measure":
            return INSERT_MEASURES, _pick(row, MEASURE)
        if kind == "organization":
            org_kind = row.get("orgKind", "ENTERPRISE")
            stmt = _specialised(INSERT_ORGANIZATIONS, "ORG", MODEL.org_label(org_kind))
            return stmt, _pick(row, ORGANIZATION) | {"sid": row["uscc"], "kind": org_kind}
        if kind == "person":
            id_type = row.get("idType", "CITIZEN_ID")
            key = person_key(row["idNumber"], self.id_key, id_type=id_type)
            born = key.birth_date
            return INSERT_PERSONS, {
                "sid": key.pid,
                "idHash": key.id_hash,
                "idMasked": key.id_masked,
                "idType": id_type,
                "name": row["name"],
                "birthDate": wire_date(born) if born is not None else None,
                "gender": key.gender,
                "address": row.get("address"),
                "phone": row.get("phone"),
            }
        if kind == "role":
            stmt = _specialised(INSERT_ROLES, "ROLE", row["role"])
            holder = self.subject(row, "holderUscc", "holderIdNumber")
            return stmt, _pick(row, ROLE) | {"holder": holder}
        if kind == "record":
            stmt = _specialised(INSERT_RECORDS, "REC", MODEL.record_label(row["recordType"]))
            subject = self.subject(row, "subjectUscc", "subjectIdNumber")
            return stmt, _pick(row, RECORD) | {"subject": subject}
        if kind == "listEntry":
            debtors = [self.pid(n) for n in row.get("debtResponsibleIdNumbers") or []]
            subject = self.subject(row, "subjectUscc", "subjectIdNumber")
            return INSERT_LIST_ENTRIES, _pick(row, ENTRY) | {"subject": subject, "debtors": debtors}
        raise ValueError(f"unknown kind {kind!r}")


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
        stmt = statements[name]
        if stmt.name.startswith(_NAMED):  # subjects: their name grams in the same transaction

            async def work(tx: Tx) -> None:
                await tx.run(stmt, rows=rows)
                await index_names(tx, [r["sid"] for r in rows])

            await executor.unit(work, name=stmt.name)
        else:
            await executor.write(stmt, rows=rows)
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
        await executor.write(INSERT_AUTHORITY_PARENTS, rows=batch)
        timing.seconds += time.perf_counter() - started
    return timing
