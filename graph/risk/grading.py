"""Credit grading: the Hebei A/B/C/D classifier (P9, P15) and a Changxing-style points scheme.

The classifier is a pure function of the records and list entries in the window, so the same code
grades one subject on read (`grade`) and a million in the yearly batch (`recompute_all_grades`).
Classes come from the declared model: a record's `nature` and its penalty kind's `hebei` class
(graph/model/domain.yaml); thresholds, window and treatments from graph/risk/schemes.yaml.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from graph.alerts import events as alert_events
from graph.cypher import statement
from graph.errors import NotFound
from graph.executor import Executor, Record, Tx
from graph.model import MODEL
from graph.risk.progress import Progress, batched
from graph.risk.schemes import SCHEMES, CountedClass, Grade, RecordClass, Treatment

log = logging.getLogger(__name__)

GET_GRADE_INPUTS = statement("risk/get_grade_inputs")
GET_GRADED_SUBJECTS = statement("risk/get_graded_subjects")
GET_GRADE_CANDIDATES = statement("risk/get_grade_candidates")
WRITE_EVALUATIONS = statement("risk/write_evaluations")
GET_PREVIOUS_GRADES = statement("risk/get_previous_grades")
GET_GRADE_DISTRIBUTION = statement("risk/get_grade_distribution")
GET_LATEST_PERIOD = statement("risk/get_latest_evaluation_period")

HEBEI = SCHEMES.hebei
POINTS = SCHEMES.points
BATCH = 2000


def window_start(as_of: date, years: int = HEBEI.window_years) -> date:
    """First day *excluded* from the window (as_of − years, as_of]; 29 Feb falls back to 28."""
    try:
        return as_of.replace(year=as_of.year - years)
    except ValueError:
        return as_of.replace(year=as_of.year - years, day=28)


@dataclass(frozen=True)
class Counted:
    """A record or list entry that counted in the window, with the class it counted as."""

    kind: str  # RECORD, LIST_ENTRY or STATUS
    id: str
    type: str  # record type, list type, or the organisation status
    cls: CountedClass
    date: date | None = None
    penalty_kind: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class GradeResult:
    sid: str
    grade: Grade
    reason: str
    period_start: date
    period_end: date
    general_count: int
    serious_count: int
    deciding: tuple[Counted, ...]
    treatment: Treatment
    scheme: str = HEBEI.id


def record_class(record: Record) -> RecordClass | None:
    """The class a record counts as, or None when it does not count (neutral, simple procedure,
    revoked/repaired/expired, unknown type)."""
    rtype = MODEL.record_types.get(record.get("recordType") or "")
    if rtype is None or rtype.nature == "NEUTRAL":
        return None
    if record.get("status") not in HEBEI.counted_record_statuses:
        return None
    if record.get("procedure") in HEBEI.excluded_procedures:  # P15
        return None
    if record.get("severity") in HEBEI.excluded_severities:  # P16
        return None
    if rtype.nature == "POSITIVE":
        return "POSITIVE"
    if rtype.nature == "NEGATIVE_SERIOUS":
        return "SERIOUS"
    kind = MODEL.penalty_kinds.get(record.get("penaltyKind") or "")
    return kind.hebei if kind is not None else "GENERAL"


def _in_window(day: date | None, start: date, end: date) -> bool:
    return day is not None and start < day <= end


def _entry_active(entry: Record, as_of: date) -> bool:
    start, until = entry.get("validFrom"), entry.get("validUntil")
    return (
        entry.get("status") in HEBEI.active_list_statuses
        and (start is None or start <= as_of)
        and (until is None or until >= as_of)
    )


def counted_items(
    records: Iterable[Record], entries: Iterable[Record], as_of: date
) -> list[Counted]:
    """Everything that counts on `as_of`: records decided in the window, serious entries active
    on `as_of`, and general-class list entries (HEB §3(1): business anomaly) decided in it."""
    start = window_start(as_of)
    items: list[Counted] = []
    for r in records:
        cls = record_class(r)
        if cls is None or not _in_window(r.get("decisionDate"), start, as_of):
            continue
        items.append(
            Counted(
                "RECORD",
                r["recordId"],
                r["recordType"],
                cls,
                r.get("decisionDate"),
                r.get("penaltyKind"),
                r.get("title"),
            )
        )
    for e in entries:
        ltype = e.get("listType") or ""
        if ltype in SCHEMES.serious_list_types and _entry_active(e, as_of):
            items.append(
                Counted("LIST_ENTRY", e["entryId"], ltype, "SERIOUS_LIST", e.get("validFrom"))
            )
        elif (
            ltype in HEBEI.general_list_types
            and e.get("status") in HEBEI.active_list_statuses
            and _in_window(e.get("decisionDate") or e.get("validFrom"), start, as_of)
        ):
            items.append(Counted("LIST_ENTRY", e["entryId"], ltype, "GENERAL", e.get("validFrom")))
    items.sort(key=lambda c: (c.date or date.min, c.id), reverse=True)
    return items


def classify(
    sid: str,
    records: Iterable[Record],
    entries: Iterable[Record],
    as_of: date,
    status: str | None = None,
) -> GradeResult:
    """Hebei A/B/C/D on `as_of` (P9): D licence revoked; C more than five general or any serious
    item; B one to five general; A none. Returns the items that decided the grade."""
    items = counted_items(records, entries, as_of)
    general = [c for c in items if c.cls == "GENERAL"]
    serious = [c for c in items if c.cls in ("SERIOUS", "SERIOUS_LIST")]
    revoked = [c for c in items if c.cls == "REVOKED"]
    limit = HEBEI.max_general_for_b
    grade: Grade
    if status in HEBEI.revoked_statuses or revoked:
        grade, reason = "D", "business licence revoked"
        deciding = revoked or [Counted("STATUS", sid, status or "", "REVOKED")]
    elif serious:
        grade, reason, deciding = "C", f"{len(serious)} serious dishonesty item(s)", serious
    elif len(general) > limit:
        grade, reason = "C", f"{len(general)} general dishonesty records (more than {limit})"
        deciding = general
    elif general:
        grade, reason = "B", f"{len(general)} general dishonesty record(s) (at most {limit})"
        deciding = general
    else:
        grade, reason, deciding = "A", "no dishonesty record in the window", []
    return GradeResult(
        sid=sid,
        grade=grade,
        reason=reason,
        period_start=window_start(as_of),
        period_end=as_of,
        general_count=len(general),
        serious_count=len(serious),
        deciding=tuple(deciding),
        treatment=HEBEI.treatments[grade],
    )


@dataclass(frozen=True)
class ScoreResult:
    """A points-scheme score with the contribution of each counted item."""

    sid: str
    score: int
    band: str
    base: int
    period_start: date
    period_end: date
    contributions: tuple[tuple[Counted, int], ...] = field(default=())
    scheme: str = POINTS.id


def score(
    sid: str, records: Iterable[Record], entries: Iterable[Record], as_of: date
) -> ScoreResult:
    """Base plus capped incentives minus capped constraints, then the band (CX §3(1))."""
    contributions = [(c, POINTS.deltas[c.cls]) for c in counted_items(records, entries, as_of)]
    plus = sum(d for _, d in contributions if d > 0)
    minus = sum(-d for _, d in contributions if d < 0)
    total = POINTS.base + min(plus, POINTS.incentive_cap) - min(minus, POINTS.constraint_cap)
    return ScoreResult(
        sid=sid,
        score=total,
        band=POINTS.band(total),
        base=POINTS.base,
        period_start=window_start(as_of),
        period_end=as_of,
        contributions=tuple(contributions),
    )


# -- reading the inputs ----------------------------------------------------------------------
@dataclass(frozen=True)
class GradeInputs:
    sid: str
    name: str | None
    kind: str | None
    status: str | None
    records: list[Record]
    entries: list[Record]


def _inputs_params(sids: Sequence[str], as_of: date) -> dict[str, Any]:
    return {
        "sids": list(sids),
        "recordTypes": list(SCHEMES.scored_record_types),
        "windowStart": window_start(as_of),
        "asOf": as_of,
        "listTypes": list(SCHEMES.serious_list_types) + HEBEI.general_list_types,
    }


def _inputs(rows: list[Record]) -> dict[str, GradeInputs]:
    return {
        r["sid"]: GradeInputs(
            r["sid"],
            r.get("name"),
            r.get("kind"),
            r.get("status"),
            [x for x in r["records"] if x.get("recordId")],
            [x for x in r["entries"] if x.get("entryId")],
        )
        for r in rows
    }


async def grade_inputs_tx(tx: Tx, sids: Sequence[str], as_of: date) -> dict[str, GradeInputs]:
    return _inputs(await tx.run(GET_GRADE_INPUTS, **_inputs_params(sids, as_of)))


async def grade_inputs(
    executor: Executor, sids: Sequence[str], as_of: date
) -> dict[str, GradeInputs]:
    return _inputs(await executor.read(GET_GRADE_INPUTS, **_inputs_params(sids, as_of)))


def grade_of(inputs: GradeInputs, as_of: date) -> GradeResult:
    return classify(inputs.sid, inputs.records, inputs.entries, as_of, inputs.status)


async def grades(executor: Executor, sids: Sequence[str], as_of: date) -> dict[str, GradeResult]:
    """Grades of many subjects on `as_of`, one round trip; unknown sids are left out."""
    found = await grade_inputs(executor, sids, as_of)
    return {sid: grade_of(i, as_of) for sid, i in found.items()}


async def grade(executor: Executor, sid: str, as_of: date | None = None) -> GradeResult:
    """One subject's Hebei grade, computed on read. Raises `NotFound` for an unknown subject."""
    day = as_of or date.today()
    found = (await grades(executor, [sid], day)).get(sid)
    if found is None:
        raise NotFound(f"no subject {sid}", id=sid)
    return found


async def points_score(executor: Executor, sid: str, as_of: date | None = None) -> ScoreResult:
    day = as_of or date.today()
    found = (await grade_inputs(executor, [sid], day)).get(sid)
    if found is None:
        raise NotFound(f"no subject {sid}", id=sid)
    return score(sid, found.records, found.entries, day)


# -- the yearly batch and the dashboard ------------------------------------------------------
async def grade_candidates(
    executor: Executor, as_of: date, kinds: Sequence[str] | None = None
) -> set[str]:
    """Organisations (of `kinds`, default every organisation kind) whose grade on `as_of` may
    be other than A; every other organisation is A with nothing to read (P9)."""
    rows = await executor.read(
        GET_GRADE_CANDIDATES,
        kinds=list(kinds) if kinds is not None else list(MODEL.organization_kinds),
        recordTypes=list(SCHEMES.scored_record_types),
        windowStart=window_start(as_of),
        asOf=as_of,
        listTypes=list(SCHEMES.serious_list_types) + HEBEI.general_list_types,
        listStatuses=HEBEI.active_list_statuses,
        revokedStatuses=HEBEI.revoked_statuses,
    )
    return {r["sid"] for r in rows}


async def grades_tx(
    tx: Tx, sids: Sequence[str], as_of: date, candidates: set[str]
) -> dict[str, GradeResult]:
    """Grades of organisations known to exist: candidates are read and classified, the others
    are A (the result `classify` gives with nothing counted)."""
    found = await grade_inputs_tx(tx, [s for s in sids if s in candidates], as_of)
    return {
        sid: grade_of(found[sid], as_of) if sid in found else classify(sid, [], [], as_of)
        for sid in sids
    }


async def recompute_all_grades(
    executor: Executor, as_of: date | None = None, *, progress: bool = True
) -> dict[Grade, int]:
    """Grade every organisation of a graded kind on `as_of` and store one `:Evaluation` each.

    One evaluation per (subject, scheme, periodEnd): re-running the same date replaces it. Each
    batch is its own transaction (a million subjects do not fit in one), so a failed run leaves
    earlier batches written; re-running is safe. Only the candidates are read in full.
    """
    day = as_of or date.today()
    rows = await executor.read(GET_GRADED_SUBJECTS, kinds=HEBEI.graded_kinds)
    sids = [r["sid"] for r in rows]
    candidates = await grade_candidates(executor, day, HEBEI.graded_kinds)
    counts: dict[Grade, int] = {"A": 0, "B": 0, "C": 0, "D": 0}
    now = datetime.now(UTC)
    with Progress("grades", len(sids), enabled=progress) as bar:
        for chunk in batched(sids, BATCH):

            async def work(tx: Tx, chunk: list[str] = chunk) -> list[Grade]:
                results = await grades_tx(tx, chunk, day, candidates)
                previous = await tx.run(
                    GET_PREVIOUS_GRADES, sids=chunk, scheme=HEBEI.id, periodEnd=day
                )
                moved = [
                    (p["sid"], p["grade"], results[p["sid"]].grade)
                    for p in previous
                    if p["sid"] in results and p["grade"] != results[p["sid"]].grade
                ]
                await alert_events.grades(tx, moved, scheme=HEBEI.id, period_end=day)
                await tx.run(
                    WRITE_EVALUATIONS,
                    rows=[evaluation_row(r) for r in results.values()],
                    scheme=HEBEI.id,
                    periodEnd=day,
                    evaluatedAt=now,
                )
                return [r.grade for r in results.values()]

            for g in await executor.unit(work, name="risk.recompute_grades"):
                counts[g] += 1
            bar.update(len(chunk))
    return counts


def evaluation_row(result: GradeResult) -> Record:
    return {
        "sid": result.sid,
        "grade": result.grade,
        "periodStart": result.period_start,
        "generalCount": result.general_count,
        "seriousCount": result.serious_count,
        "decidingIds": [c.id for c in result.deciding],
        "reason": result.reason,
    }


@dataclass(frozen=True)
class GradeGroup:
    key: str | None
    counts: dict[Grade, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


async def grade_distribution(
    executor: Executor, group_by: str, as_of: date | None = None
) -> tuple[date | None, list[GradeGroup]]:
    """Stored grades per region or industry for the evaluation ending on `as_of` (default: the
    latest stored). Returns the period end used and the groups, largest first."""
    period = as_of
    if period is None:
        row = await executor.read_one(GET_LATEST_PERIOD, scheme=HEBEI.id)
        period = row["periodEnd"] if row else None
    if period is None:
        return None, []
    rows = await executor.read(
        GET_GRADE_DISTRIBUTION, scheme=HEBEI.id, periodEnd=period, groupBy=group_by
    )
    groups: dict[str | None, dict[Grade, int]] = {}
    for r in rows:
        counts = groups.setdefault(r["key"], {"A": 0, "B": 0, "C": 0, "D": 0})
        counts[r["grade"]] = r["n"]
    result = [GradeGroup(k, v) for k, v in groups.items()]
    result.sort(key=lambda g: (-g.total, g.key or ""))
    return period, result
