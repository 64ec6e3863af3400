"""The bulk loader: validate rows, batch them per lane, write each batch in one transaction.

How a run goes:
* Each row is validated by its kind's model (`graph.inputs`), or planned by the fast path when it
  is a plain row the model would take as it is (graph/importer/fastpath.py); raw ID numbers become
  `PersonKey`s right there and never travel further. A bad row becomes a reject (always the
  model's), nothing else happens to it.
* Valid rows are grouped per lane (`kinds.LANES`) and deduplicated by key within a batch (the last
  row wins). A full batch is written with its lane's `UNWIND $rows` statement, one statement per
  template group, all in ONE transaction; before a dependent batch (roles, records, …) is written,
  the pending batches of every earlier stage are written, so a role always finds the nodes that came
  before it in the input.
* A dependent row whose ends are not in the graph yet is set aside and retried after the whole input
  is loaded (order independence), until a round makes no progress; what is left is rejected, and
  one batched look-up names the missing end (`unknown holder`, `unknown organisation`, …).
* At most one batch is in flight: while the database writes it, the loop validates the next one.
  Until the run's first buffer fills, a buffer of `EARLY` rows is written whenever none is in
  flight, so the database does not sit idle while the first full batch is validated (a roles
  file spreads its first rows over several buffers, one per role type). After that, batches are
  full: smaller ones would cost the database a transaction each whenever it ran ahead.
* With `propagate=True` (the `creditgraph import` command), a batch of list entries or records
  that a sanction rule starts from is propagated in the batch's own transaction, and sources whose
  roles came later are propagated again at the end of the run (graph/importer/propagation.py);
  the linked-risk refreshes the batches asked for are served before the run returns.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import time
from collections.abc import Awaitable, Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from graph.alerts import events as alert_events
from graph.cypher import statement
from graph.errors import BadUserInput
from graph.executor import Executor, Tx
from graph.importer import collector
from graph.importer.fastpath import fast_plan
from graph.importer.kinds import LANES, ROLES, Lane, Planned, Ref, plan, specialised
from graph.importer.propagation import Propagator
from graph.importer.readers import KIND, UNREADABLE, Row, count_lines, normalise_kind, read_file
from graph.importer.rejects import RejectsWriter, reject, scrub
from graph.importer.summary import ImportSummary, Propagated
from graph.importer.wire import wire_row
from graph.inputs import IMPORT_MODELS, first_error, id_context
from graph.progress import ProgressBar, progress_bar
from graph.risk.refresh import drain as drain_refreshes
from graph.search import index_names

log = logging.getLogger("creditgraph.import")

GET_EXISTING_KEYS = statement("import/get_existing_keys")
YIELD_EVERY = 64  # rows validated between two chances for the in-flight write to progress
EARLY = 1000  # rows a buffer needs to be written before it is full, while a run starts
LOOKUP_CHUNK = 10_000
REJECTS_SUFFIX = ".rejects.jsonl"


@dataclass(slots=True)
class Pending:
    """A valid row waiting in a batch (or set aside until its ends exist)."""

    seq: int  # position in the run's input: a later row with the same key wins
    file: str
    line: int
    row: dict[str, Any]  # the row as read, for a reject (scrubbed when it is made)
    planned: Planned


@dataclass(frozen=True)
class BatchResult:
    done: frozenset[int]
    created: int
    propagated: Propagated | None = None


# Work run in a batch's transaction after its rows are written: (tx, rows written, rows created).
AfterWrite = Callable[[Tx, frozenset[int], frozenset[int]], Awaitable[Propagated]]


class Loader:
    """One import run (see the module docstring); feed it with `add_all`, end it with `finish`."""

    def __init__(
        self,
        executor: Executor,
        *,
        id_key: bytes,
        batch_size: int,
        rejects: RejectsWriter,
        default_kind: str | None = None,
        bar: ProgressBar | None = None,
        propagator: Propagator | None = None,
    ) -> None:
        if batch_size < 1:
            raise BadUserInput("the batch size must be at least 1")
        self.executor = executor
        self.batch_size = batch_size
        self.rejects = rejects
        self.default_kind = default_kind
        self.bar = bar
        self.propagator = propagator
        self.context = id_context(id_key, cache=True)
        self.summary = ImportSummary()
        # One buffer per lane and template group (organisation kind, role type, record type), so
        # each batch is one statement over `batch_size` rows.
        self.buffers: dict[tuple[Lane, str], dict[Hashable, Pending]] = {}
        self.deferred: dict[Lane, dict[Hashable, Pending]] = {lane: {} for lane in LANES}
        self.inflight: asyncio.Task[None] | None = None
        self.new_first: dict[Lane, bool] = {}
        self.seq = 0
        self.batches = 0
        self.starting = True  # no buffer has filled yet: `EARLY` applies

    # -- reading ---------------------------------------------------------------------------
    async def add_all(self, rows: Iterable[Row]) -> None:
        for file, line, data in rows:
            self.seq += 1
            if self.seq % YIELD_EVERY == 0:
                if self.bar is not None:
                    self.bar.update(YIELD_EVERY)
                if self.inflight is not None:
                    await asyncio.sleep(0)
            slot = self._buffer(file, line, data)
            if slot is not None:
                await self._flush(slot)

    def _buffer(self, file: str, line: int, data: dict[str, Any]) -> tuple[Lane, str] | None:
        """Validate row `self.seq` into its buffer; the buffer to write now, if any (a full one,
        or one of `EARLY` rows while the run starts and nothing is in flight)."""
        planned = self._validate(file, line, data)
        if planned is None:
            return None
        lane, key = planned.lane, planned.key
        slot = (lane, planned.group)
        buffer = self.buffers.get(slot)
        if buffer is None:
            buffer = self.buffers[slot] = {}
        if buffer.pop(key, None) is not None:
            self.summary.of(lane.kind).updated += 1  # superseded by this later row
        buffer[key] = Pending(self.seq, file, line, data, planned)
        full = len(buffer) >= self._limit(lane)
        if full or (self.starting and len(buffer) >= EARLY and self._idle()):
            self.starting &= not full
            return slot
        return None

    async def _flush(self, slot: tuple[Lane, str]) -> None:
        """Write a buffer, after the buffers of earlier stages (the nodes its rows point at)."""
        lane = slot[0]
        for earlier in [s for s in self.buffers if s[0].stage < lane.stage]:
            await self._submit(earlier[0], self._take(earlier))
        await self._submit(lane, self._take(slot))

    def _idle(self) -> bool:
        """No batch in flight: the database waits for this loop."""
        return self.inflight is None or self.inflight.done()

    def _validate(self, file: str, line: int, data: dict[str, Any]) -> Planned | None:
        unreadable = data.get(UNREADABLE)
        if unreadable is not None:
            self._reject("unreadable", file, line, None, str(unreadable), {})
            return None
        given = data.get(KIND) or self.default_kind
        kind = normalise_kind(str(given)) if given else None
        if kind is None:
            reason = f"unknown kind {given!r}" if given else "the row has no kind"
            self._reject("unknown", file, line, KIND, reason, data)
            return None
        self.summary.of(kind).rows += 1
        planned = fast_plan(kind, data, self.context)
        if planned is not None:
            return planned
        fields = dict(data)
        fields.pop(KIND, None)
        try:
            model = IMPORT_MODELS[kind].model_validate(fields, context=self.context)
        except ValidationError as exc:
            field, reason = first_error(exc)
            self._reject(kind, file, line, field, reason, data)
            return None
        return plan(model)

    def _reject(
        self, kind: str, file: str, line: int, field: str | None, reason: str, row: dict[str, Any]
    ) -> None:
        counts = self.summary.of(kind)
        if kind in ("unreadable", "unknown"):
            counts.rows += 1
        counts.rejected += 1
        self.rejects.add(reject(file, line, field, reason, row))

    # -- writing ---------------------------------------------------------------------------
    def _take(self, slot: tuple[Lane, str]) -> list[Pending]:
        return list(self.buffers.pop(slot).values())

    async def _submit(self, lane: Lane, rows: list[Pending]) -> None:
        """Wait for the batch in flight, then start writing this one."""
        await self.drain()
        self.inflight = asyncio.create_task(self._write(lane, rows))

    async def drain(self) -> None:
        """Wait for the batch in flight (its failure is raised here)."""
        if self.inflight is not None:
            task, self.inflight = self.inflight, None
            await task

    async def drain_quietly(self) -> None:
        """After a failure elsewhere: let the batch in flight end, whatever its outcome."""
        with contextlib.suppress(Exception):
            await self.drain()

    async def _write(self, lane: Lane, rows: list[Pending]) -> None:
        new_first = self.new_first.get(lane, True)
        planned = [p.planned for p in rows]
        then = self._propagation(lane, planned)
        result = await write_batch(self.executor, lane, planned, new_first=new_first, then=then)
        collector.batch_written()
        if self.propagator is not None:
            self.propagator.written(lane, planned, result.done)
            if result.propagated is not None:
                self.propagator.counts.add(result.propagated)
        self.new_first[lane] = result.created * 2 >= len(result.done)
        self.batches += 1
        counts = self.summary.of(lane.kind)
        counts.created += result.created
        counts.updated += len(result.done) - result.created
        deferred = self.deferred[lane]
        for i, pending in enumerate(rows):
            key = pending.planned.key
            older = deferred.get(key)
            if i in result.done:
                if older is not None and older.seq < pending.seq:
                    del deferred[key]  # a later row has written this key: the waiting one is moot
                    counts.updated += 1
            elif not lane.dependent:
                self._reject_pending(pending, None, lane.clash)
            elif older is None or older.seq < pending.seq:
                if older is not None:
                    counts.updated += 1
                pending.row = scrub(pending.row)  # it may wait till the end of the run
                deferred[key] = pending
            else:
                counts.updated += 1

    def _limit(self, lane: Lane) -> int:
        """Rows per batch: smaller for the lanes the sanction rules run on (they do more)."""
        if self.propagator is not None and self.propagator.propagates(lane):
            return min(self.batch_size, self.propagator.batch_size)
        return self.batch_size

    def _propagation(self, lane: Lane, planned: list[Planned]) -> AfterWrite | None:
        """The propagation of a batch's sources, to run in the batch's transaction (or None)."""
        propagator = self.propagator
        if lane is ROLES:  # new ties: the watches near either end hear of them (graph/alerts)
            return self._role_events(planned)
        batch = propagator.batch(lane, planned) if propagator is not None else None
        if propagator is None or batch is None:
            return None

        async def then(tx: Tx, done: frozenset[int], created: frozenset[int]) -> Propagated:
            return await propagator.in_batch(tx, batch, done, created)

        return then

    @staticmethod
    def _role_events(planned: list[Planned]) -> AfterWrite:
        async def then(tx: Tx, done: frozenset[int], created: frozenset[int]) -> Propagated:
            ties = [
                (p.params["h"], p.params["o"], p.group)
                for i, p in enumerate(planned)
                if i in created
            ]
            await alert_events.roles(tx, ties, "ADDED", only_followed=True)
            return Propagated()

        return then

    def _reject_pending(self, pending: Pending, field: str | None, reason: str) -> None:
        self._reject(
            pending.planned.lane.kind, pending.file, pending.line, field, reason, pending.row
        )

    async def finish(self) -> ImportSummary:
        """Write what is buffered, retry what waited for its ends, reject what is still missing."""
        for slot in sorted(self.buffers, key=lambda s: s[0].stage):
            await self._submit(slot[0], self._take(slot))
        await self.drain()
        while any(self.deferred[lane] for lane in LANES):
            progress = False
            for lane in LANES:
                waiting = sorted(self.deferred[lane].values(), key=lambda p: p.seq)
                self.deferred[lane] = {}
                size = self._limit(lane)
                for start in range(0, len(waiting), size):
                    await self._submit(lane, waiting[start : start + size])
                await self.drain()
                progress |= len(self.deferred[lane]) < len(waiting)
            if not progress:
                break
        await self._reject_missing()
        if self.propagator is not None:
            await self.propagator.late_roles(self.executor)
            self.summary.propagated = self.propagator.counts
        if self.bar is not None:
            self.bar.update(self.seq % YIELD_EVERY)
        return self.summary

    async def _reject_missing(self) -> None:
        waiting = [p for lane in LANES for p in self.deferred[lane].values()]
        for lane in LANES:
            self.deferred[lane] = {}
        if not waiting:
            return
        refs = [ref for p in waiting for ref in p.planned.refs]
        found = await existing_keys(self.executor, refs)
        for pending in sorted(waiting, key=lambda p: p.seq):
            missing = first_missing(pending.planned.refs, found)
            if missing is None:
                self._reject_pending(pending, None, pending.planned.lane.clash)
            else:
                self._reject_pending(pending, missing.field, missing.reason)


async def write_batch(
    executor: Executor,
    lane: Lane,
    rows: Sequence[Planned],
    *,
    new_first: bool = True,
    then: AfterWrite | None = None,
) -> BatchResult:
    """Write one batch of a lane in ONE transaction (with `then`, e.g. its propagation).

    Per template group, the statement that probably fits most rows runs first (`create` when the
    lane's last batch was mostly new rows, else `update`) and the other gets only what is left, so
    a row is usually looked up once.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for i, planned in enumerate(rows):
        groups.setdefault(planned.group, []).append(wire_row(i, planned.params))
    first, second = ("created", "updated") if new_first else ("updated", "created")
    statements = {"created": lane.create, "updated": lane.update}

    async def work(tx: Tx) -> BatchResult:
        got: dict[str, set[int]] = {"created": set(), "updated": set()}
        for group, params in groups.items():
            out = await tx.one(specialised(statements[first], lane.token, group), rows=params)
            hit = set(out[first]) if out else set()
            got[first] |= hit
            rest = [p for p in params if p["i"] not in hit]
            sent.append(rest)
            if rest:
                out = await tx.one(specialised(statements[second], lane.token, group), rows=rest)
                got[second] |= set(out[second]) if out else set()
        done = frozenset(got["created"] | got["updated"])
        created = frozenset(got["created"])
        if lane.names:  # the name-gram index follows the names in the same transaction
            fresh = {str(rows[i].key) for i in created}
            await index_names(tx, [str(rows[i].key) for i in sorted(done)], fresh=fresh)
        propagated = await then(tx, done, created) if then is not None else None
        return BatchResult(done, len(created), propagated)

    sent: list[list[dict[str, Any]]] = list(groups.values())
    try:
        return await executor.unit(work, name=f"import {lane.name}")
    finally:
        for params in sent:
            params.clear()  # the driver's objects keep them in reference cycles (collector.py)


async def existing_keys(executor: Executor, refs: Iterable[Ref]) -> dict[str, set[str]]:
    """Which referenced subject ids and authority ids exist, in a few batched look-ups."""
    wanted: dict[str, set[str]] = {"subject": set(), "authority": set()}
    for ref in refs:
        wanted[ref.space].update(ref.keys)
    found: dict[str, set[str]] = {"subject": set(), "authority": set()}
    sids, aids = sorted(wanted["subject"]), sorted(wanted["authority"])
    for start in range(0, max(len(sids), len(aids)), LOOKUP_CHUNK):
        out = await executor.read_one(
            GET_EXISTING_KEYS,
            sids=sids[start : start + LOOKUP_CHUNK],
            authorityIds=aids[start : start + LOOKUP_CHUNK],
        )
        if out is not None:
            found["subject"].update(out["sids"])
            found["authority"].update(out["authorityIds"])
    return found


def first_missing(refs: Sequence[Ref], found: dict[str, set[str]]) -> Ref | None:
    return next((r for r in refs if not set(r.keys) <= found[r.space]), None)


# -- entry points ------------------------------------------------------------------------------
def _bar(progress: bool, total: int | None) -> ProgressBar | None:
    if not progress:
        return None
    return progress_bar(total=total, unit="rows", unit_scale=True, desc="import")


async def import_rows(
    executor: Executor,
    rows: Iterable[Row],
    *,
    id_key: bytes,
    batch_size: int = 5000,
    rejects_path: Path | None = None,
    kind: str | None = None,
    progress: bool = True,
    total: int | None = None,
    propagate: bool = False,
    on: date | None = None,
    risk_refresh: bool = True,
) -> ImportSummary:
    """Import (file, line, row) triples, e.g. from the generator; see the module docstring.

    `kind` is the default for rows without a `kind` field. Rejects go to `rejects_path` when given
    (and are always counted, the first few kept in `summary.sample`). `propagate` runs the
    sanction rules on the imported sources as of `on` (default today), batch by batch, and
    serves the linked-risk refreshes they ask for unless `risk_refresh` is False.
    """
    writer = RejectsWriter(lambda _file: rejects_path)
    propagator = Propagator(on or date.today()) if propagate else None
    return await _run(
        executor,
        rows,
        writer,
        id_key,
        batch_size,
        kind,
        progress,
        total,
        [],
        propagator,
        risk_refresh=risk_refresh,
    )


async def import_files(
    executor: Executor,
    paths: Sequence[Path],
    *,
    id_key: bytes,
    batch_size: int = 5000,
    rejects_path: Path | None = None,
    kind: str | None = None,
    progress: bool = True,
    propagate: bool = False,
    on: date | None = None,
    risk_refresh: bool = True,
) -> ImportSummary:
    """Import JSONL and CSV files in one run (rows in one file may refer to rows in another).

    Rejects go to `<file>.rejects.jsonl` beside each input, or all to `rejects_path`.
    `propagate` runs the sanction rules on the imported sources as of `on` (default today) and
    serves the linked-risk refreshes they ask for unless `risk_refresh` is False (then the API's
    worker or `creditgraph analytics refresh` serves them).
    Raises `BadUserInput` for a missing file, an unsupported type or an unknown `kind`.
    """
    if kind is not None and normalise_kind(kind) is None:
        raise BadUserInput(f"unknown kind {kind!r} (one of {', '.join(IMPORT_MODELS)})")
    kind = normalise_kind(kind) if kind else None
    for path in paths:
        if not path.is_file():
            raise BadUserInput(f"{path}: no such file")
        if path.name.endswith(REJECTS_SUFFIX):
            raise BadUserInput(f"{path}: a rejects file is not an import file (fix the rows there)")
    readers = [read_file(path, kind) for path in paths]  # fails early on a bad type or name
    total = sum(count_lines(p) for p in paths) if progress and sys.stderr.isatty() else None

    def target(file: str) -> Path:
        return rejects_path or Path(file + REJECTS_SUFFIX)

    writer = RejectsWriter(target)
    inputs = [str(p) for p in paths]
    propagator = Propagator(on or date.today()) if propagate else None
    return await _run(
        executor,
        chain(*readers),
        writer,
        id_key,
        batch_size,
        kind,
        progress,
        total,
        inputs,
        propagator,
        risk_refresh=risk_refresh,
    )


async def _run(
    executor: Executor,
    rows: Iterable[Row],
    writer: RejectsWriter,
    id_key: bytes,
    batch_size: int,
    kind: str | None,
    progress: bool,
    total: int | None,
    inputs: list[str],
    propagator: Propagator | None = None,
    *,
    risk_refresh: bool = True,
) -> ImportSummary:
    started = time.perf_counter()
    bar = _bar(progress, total)
    loader = Loader(
        executor,
        id_key=id_key,
        batch_size=batch_size,
        rejects=writer,
        default_kind=kind,
        bar=bar,
        propagator=propagator,
    )
    try:
        with collector.paused():
            await loader.add_all(rows)
            summary = await loader.finish()
        if propagator is not None and risk_refresh:  # the batches asked for them: serve them
            await drain_refreshes(executor, progress=progress)
    finally:
        await loader.drain_quietly()
        writer.close(inputs)
        if bar is not None:
            bar.close()
    summary.seconds = time.perf_counter() - started
    summary.sample = writer.sample
    summary.rejects_files = dict(writer.written)
    log.info(
        "import: %d rows, %d created, %d updated, %d rejected in %.1f s (%d batches)",
        summary.rows,
        summary.created,
        summary.updated,
        summary.rejected,
        summary.seconds,
        loader.batches,
    )
    return summary
