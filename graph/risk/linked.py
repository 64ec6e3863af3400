"""Linked-risk indicators (P19 and relatives): risk that no single record shows.

A *source* is a subject with an active entry on a serious list, or an organisation graded C or D
(Hebei, computed on the day). A *target* organisation gets one indicator per source it is linked
to, when it shares a legal representative, principal or actual controller with the source, or is
held or controlled by the source directly or through a chain. The score is the link kind's weight
times `decay` per extra edge; every indicator keeps its evidence paths (who, which role, since
when, which source entry).

Indicators prioritise supervision only (DOMAIN.md §7.3). They are stored as `:RiskIndicator`
with `isRiskIndicator: true`, never as `:Flag` (sanctions), and are recomputed when their source
changes: a change asks for a refresh in its own transaction and the refresh worker
(graph/risk/refresh.py) replaces the indicators around it soon after, in bounded transactions;
`recompute_all_linked_risk` recomputes the whole graph.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

from graph.alerts import events as alert_events
from graph.cypher import statement
from graph.executor import Executor, Record, Tx
from graph.explain.sentences import indicator_rationale
from graph.model import MODEL
from graph.risk.grading import (
    GradeInputs,
    counted_items,
    grade_inputs_tx,
    grade_of,
    window_start,
)
from graph.risk.progress import Progress, batched, batched_by_weight
from graph.risk.schemes import SCHEMES
from graph.risk.triage import status as triage_status

log = logging.getLogger(__name__)

GET_ROLE_LINKS = statement("risk/get_linked_role_links")
GET_CHAIN_LINKS = statement("risk/get_linked_chain_links")
GET_ROLE_LINKS_TO = statement("risk/get_linked_role_links_to")
GET_CHAIN_LINKS_TO = statement("risk/get_linked_chain_links_to")
GET_CANDIDATES = statement("risk/get_linked_candidates")
GET_AFFECTED = statement("risk/get_linked_affected")
GET_SOURCE_CANDIDATES = statement("risk/get_source_candidates")
DELETE_INDICATORS = statement("risk/delete_linked_indicators")
GET_KEYS = statement("risk/get_linked_indicator_keys")
CREATE_INDICATORS = statement("risk/create_linked_indicators")
DELETE_STALE = statement("risk/delete_stale_indicators")
GET_INDICATORS = statement("risk/get_risk_indicators")
DELETE_REQUESTS_BEFORE = statement("risk/delete_refresh_requests_before")

RULE = SCHEMES.linked_risk
LinkKind = Literal["SHARED_ROLE", "OWNERSHIP", "CONTROL"]
HEBEI = SCHEMES.hebei
BATCH = 500
SWEEP = 10_000
PAYLOAD = 4_000_000  # bytes of parameters per statement, well under Bolt's 16 MiB message cap


def _row_weight(row: Record) -> int:
    return 300 + len(row["evidence"].encode()) + len(row["rationale"].encode())


def _weight(group: list[Record]) -> int:
    return sum(_row_weight(r) for r in group)


@dataclass(frozen=True)
class Source:
    """Why a subject is a source: its active serious entries and/or its grade."""

    sid: str
    name: str | None
    kind: str | None
    grade: str | None
    entries: tuple[tuple[str, str], ...]  # (entryId, listType)


def source_of(inputs: GradeInputs, as_of: date) -> Source | None:
    """The subject as a source on `as_of`, or None. Grades count for organisations only."""
    counted = counted_items(inputs.records, inputs.entries, as_of)
    entries = tuple(dict.fromkeys((c.id, c.type) for c in counted if c.cls == "SERIOUS_LIST"))
    grade = grade_of(inputs, as_of).grade if inputs.kind != "NATURAL_PERSON" else None
    if not entries and grade not in RULE.source_grades:
        return None
    return Source(inputs.sid, inputs.name, inputs.kind, grade, entries)


async def sources_among(tx: Tx, sids: Sequence[str], as_of: date) -> dict[str, Source]:
    found: dict[str, Source] = {}
    for chunk in batched(list(dict.fromkeys(sids)), BATCH):
        for inputs in (await grade_inputs_tx(tx, chunk, as_of)).values():
            src = source_of(inputs, as_of)
            if src is not None:
                found[src.sid] = src
    return found


# -- evidence paths --------------------------------------------------------------------------
@dataclass(frozen=True)
class Path:
    """One evidence path between a source and a target.

    `subjects` runs from the source to the target; `links` are the role edges on the way, each as
    stored (holder → organisation) with its type, first day and ratio.
    """

    kind: LinkKind
    target: str
    source: str
    subjects: tuple[Record, ...]  # {sid, name, kind}
    links: tuple[Record, ...]  # {holder, organization, role, since, ratio}
    share: float | None  # product of the shareholdings on a chain

    @property
    def edges(self) -> int:
        return len(self.links)

    @property
    def score(self) -> float:
        return RULE.weights[self.kind] * RULE.decay ** (self.edges - 1)

    @property
    def via(self) -> list[str]:
        return [s["sid"] for s in self.subjects[1:-1]]

    def evidence(self) -> Record:
        return {
            "kind": self.kind,
            "score": round(self.score, 6),
            "share": self.share,
            "subjects": list(self.subjects),
            "links": list(self.links),
        }


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _link(holder: str, org: str, role: str, since: Any, ratio: float | None) -> Record:
    return {
        "holder": holder,
        "organization": org,
        "role": role,
        "since": _iso(since),
        "ratio": ratio,
    }


def role_path(row: Record) -> Path:
    """source ←role— holder —role→ target: the holder is shared."""
    subjects = (
        {"sid": row["source"], "name": row["sourceName"], "kind": row["sourceKind"]},
        {"sid": row["via"], "name": row["viaName"], "kind": row["viaKind"]},
        {"sid": row["target"], "name": row["targetName"], "kind": row["targetKind"]},
    )
    links = (
        _link(row["via"], row["source"], row["sourceRole"], row["sourceRoleFrom"], None),
        _link(row["via"], row["target"], row["targetRole"], row["targetRoleFrom"], None),
    )
    return Path("SHARED_ROLE", row["target"], row["source"], subjects, links, None)


def chain_path(row: Record) -> Path | None:
    """source —holds/controls→ … → target, or None when it repeats a subject or is too thin."""
    sids: list[str] = row["sids"]
    if len(set(sids)) != len(sids):
        return None
    ratios = [
        r for role, r in zip(row["roles"], row["ratios"], strict=True) if role == "SHAREHOLDER_OF"
    ]
    share: float | None = None
    if ratios:
        share = 1.0
        for r in ratios:
            share *= r or 0.0
        if share < RULE.min_share:
            return None
    control = all((r or 0.0) > SCHEMES.ownership.control_ratio for r in ratios)
    subjects = tuple(
        {"sid": sid, "name": name, "kind": kind}
        for sid, name, kind in zip(sids, row["names"], row["kinds"], strict=True)
    )
    links = tuple(
        _link(sids[i], sids[i + 1], role, row["froms"][i], row["ratios"][i])
        for i, role in enumerate(row["roles"])
    )
    kind: LinkKind = "CONTROL" if control else "OWNERSHIP"
    return Path(kind, row["target"], row["source"], subjects, links, share)


def indicator_id(target: str, source: str) -> str:
    digest = hashlib.sha256(f"{RULE.indicator_type}|{target}|{source}".encode()).hexdigest()
    return "RI" + digest[:16].upper()


def _rationale(kept: list[Path], source: Source) -> str:
    """The stored explanation (Chinese; the API renders either language from the evidence)."""
    grade = source.grade if source.grade in RULE.source_grades else None
    evidence = [p.evidence() for p in kept]
    return indicator_rationale(evidence, source.name or source.sid, grade, bool(source.entries))


def build_indicators(paths: Iterable[Path], sources: dict[str, Source]) -> list[Record]:
    """One indicator per (target, source) with its strongest paths; weak pairs are dropped."""
    grouped: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for p in paths:
        if p.source in sources and p.target != p.source:
            grouped[(p.target, p.source)].append(p)
    rows = []
    for (target, source_sid), found in sorted(grouped.items()):
        found.sort(key=lambda p: (-p.score, p.edges, json.dumps(p.evidence(), sort_keys=True)))
        kept = found[: RULE.max_evidence_paths]
        best = kept[0]
        if best.score < RULE.min_score:
            continue
        source = sources[source_sid]
        evidence = [p.evidence() for p in kept]
        rows.append(
            {
                "indicatorId": indicator_id(target, source_sid),
                "target": target,
                "source": source_sid,
                "score": round(best.score, 6),
                "rationale": _rationale(kept, source),
                "sourceGrade": source.grade,
                "sourceEntryIds": [e for e, _ in source.entries],
                "linkKinds": sorted({p.kind for p in kept}),
                "viaSids": sorted({v for p in kept for v in p.via}),
                "distance": min(p.edges for p in kept),
                "evidence": json.dumps(evidence, ensure_ascii=False, sort_keys=True),
            }
        )
    return rows


async def paths_from(tx: Tx, sources: Sequence[str], as_of: date) -> list[Path]:
    """Every evidence path leaving the given sources (shared roles, then chains)."""
    paths: list[Path] = []
    orgs = list(sources)
    for chunk in batched(orgs, BATCH):
        for row in await tx.run(
            GET_ROLE_LINKS,
            sources=chunk,
            roles=RULE.shared_roles,
            excludedHolderKinds=RULE.excluded_holder_kinds,
            asOf=as_of,
        ):
            paths.append(role_path(row))
        for row in await tx.run(
            GET_CHAIN_LINKS,
            sources=chunk,
            minShare=RULE.min_share,
            maxHops=RULE.max_chain_hops,
            asOf=as_of,
        ):
            path = chain_path(row)
            if path is not None:
                paths.append(path)
    return paths


CHAIN_LISTS = ("sids", "names", "kinds", "roles", "ratios", "froms")


def _downward(row: Record) -> Record:
    """A chain read from the target up, turned round to run from the source down."""
    return {**row, **{k: list(reversed(row[k])) for k in CHAIN_LISTS}}


async def paths_to(
    tx: Tx, targets: Sequence[str], sources: Sequence[str], as_of: date
) -> list[Path]:
    """The evidence paths from the given sources that end at the given targets: the paths
    `paths_from` finds, restricted to these targets, read from each target's index upwards (a
    refresh has few targets, and a source may share a holder with hundreds of organisations)."""
    paths: list[Path] = []
    if not sources:
        return paths
    for chunk in batched(list(targets), BATCH):
        for row in await tx.run(
            GET_ROLE_LINKS_TO,
            targets=chunk,
            sources=list(sources),
            roles=RULE.shared_roles,
            excludedHolderKinds=RULE.excluded_holder_kinds,
            asOf=as_of,
        ):
            paths.append(role_path(row))
        for row in await tx.run(
            GET_CHAIN_LINKS_TO,
            targets=chunk,
            sources=list(sources),
            minShare=RULE.min_share,
            maxHops=RULE.max_chain_hops,
            asOf=as_of,
        ):
            path = chain_path(_downward(row))
            if path is not None:
                paths.append(path)
    return paths


def _write_params(rows: list[Record], run_id: str) -> dict[str, Any]:
    return {
        "indicators": rows,
        "indicatorType": RULE.indicator_type,
        "ruleId": RULE.rule_id,
        "computedAt": datetime.now(UTC),
        "runId": run_id,
    }


# -- recomputation ---------------------------------------------------------------------------
async def affected_targets(tx: Tx, source_sids: Sequence[str]) -> list[str]:
    """The organisations whose indicators may change when the given subjects change (a listing,
    a repair, a grade-changing record, a role): a superset, from indexed subjects within 4 edges."""
    affected: set[str] = set()
    for chunk in batched(list(source_sids), BATCH):
        for row in await tx.run(
            GET_AFFECTED,
            sids=chunk,
            indicatorType=RULE.indicator_type,
            excludedHolderKinds=RULE.excluded_holder_kinds,
        ):
            for col in ("indicated", "self", "held", "shared", "chained"):
                affected.update(row[col])
    return sorted(affected)


async def refresh_targets(tx: Tx, targets: Sequence[str], as_of: date | None = None) -> int:
    """Replace the linked-risk indicators of these targets: the candidates linked to them, the
    real sources among those, and the paths from the sources to the targets. Each target's
    indicators are replaced whole, so targets may be refreshed in separate transactions.
    Returns the number of indicators written."""
    if not targets:
        return 0
    day = as_of or date.today()
    candidates: set[str] = set()
    for chunk in batched(list(targets), BATCH):
        for row in await tx.run(
            GET_CANDIDATES,
            targets=chunk,
            roles=RULE.shared_roles,
            excludedHolderKinds=RULE.excluded_holder_kinds,
            minShare=RULE.min_share,
            maxHops=RULE.max_chain_hops,
            asOf=day,
        ):
            candidates.update(row["viaRoles"])
            candidates.update(row["viaChains"])
    sources = await sources_among(tx, sorted(candidates), day)
    rows = build_indicators(await paths_to(tx, targets, sorted(sources), day), sources)
    await _replace(tx, list(targets), rows, f"refresh-{uuid.uuid4().hex}")
    return len(rows)


async def _replace(tx: Tx, targets: list[str], rows: list[Record], run_id: str) -> None:
    """Replace the targets' indicators with `rows`, telling the watches (graph/alerts) which
    (target, source) pairs appeared or went."""
    before: list[tuple[str, str, str]] = []
    for chunk in batched(targets, BATCH):
        keys = await tx.run(GET_KEYS, targets=chunk, indicatorType=RULE.indicator_type)
        before += [(k["indicatorId"], k["target"], k["source"]) for k in keys]
        await tx.run(DELETE_INDICATORS, targets=chunk, indicatorType=RULE.indicator_type)
    for part in batched_by_weight(rows, _row_weight, limit=PAYLOAD, size=BATCH):
        await tx.run(CREATE_INDICATORS, **_write_params(part, run_id))
    after = [(r["indicatorId"], r["target"], r["source"]) for r in rows]
    await alert_events.indicators(
        tx, before, after, rule_id=RULE.rule_id, indicator_type=RULE.indicator_type
    )


async def _sweep(tx: Tx, run_id: str) -> int:
    """Remove a slice of the indicators the run did not write, telling the watches they went."""
    gone = await tx.run(DELETE_STALE, indicatorType=RULE.indicator_type, runId=run_id, limit=SWEEP)
    before = [(r["indicatorId"], r["target"], r["source"]) for r in gone if r["target"]]
    await alert_events.indicators(
        tx, before, [], rule_id=RULE.rule_id, indicator_type=RULE.indicator_type
    )
    return len(gone)


@dataclass(frozen=True)
class LinkedRiskRun:
    sources: int
    targets: int
    indicators: int
    removed: int


async def recompute_all_linked_risk(
    executor: Executor, progress: bool = True, as_of: date | None = None
) -> LinkedRiskRun:
    """Recompute every linked-risk indicator: find the sources, follow their links, replace each
    target's indicators (a batch of targets per transaction), then sweep indicators of targets
    no longer linked. A failure part-way leaves every target either old or new, never mixed.
    Refresh requests made before it started are served by it and removed at the end."""
    day = as_of or date.today()
    run_id = uuid.uuid4().hex
    started = datetime.now(UTC)
    candidates = [
        r["sid"]
        for r in await executor.read(
            GET_SOURCE_CANDIDATES,
            listTypes=list(SCHEMES.serious_list_types),
            listStatuses=HEBEI.active_list_statuses,
            revokedStatuses=HEBEI.revoked_statuses,
            recordTypes=[
                n for n, t in MODEL.record_types.items() if t.nature.startswith("NEGATIVE")
            ],
            seriousTypes=[
                n for n, t in MODEL.record_types.items() if t.nature == "NEGATIVE_SERIOUS"
            ],
            seriousKinds=[n for n, k in MODEL.penalty_kinds.items() if k.hebei != "GENERAL"],
            maxGeneral=HEBEI.max_general_for_b,
            windowStart=window_start(day),
            asOf=day,
        )
    ]
    sources: dict[str, Source] = {}
    rows: list[Record] = []
    with Progress("linked-risk sources", len(candidates), enabled=progress) as bar:
        for chunk in batched(candidates, BATCH):

            async def find(
                tx: Tx, chunk: list[str] = chunk
            ) -> tuple[dict[str, Source], list[Record]]:
                # A source's paths all come with its chunk, so its (target, source) indicators
                # are complete here: only the indicators are kept, never the whole graph's paths.
                found = await sources_among(tx, chunk, day)
                return found, build_indicators(await paths_from(tx, sorted(found), day), found)

            found, more = await executor.unit(find, write=False, name="risk.linked.sources")
            sources.update(found)
            rows.extend(more)
            bar.update(len(chunk))
    by_target: dict[str, list[Record]] = defaultdict(list)
    for row in rows:
        by_target[row["target"]].append(row)
    groups = [by_target[t] for t in sorted(by_target)]
    with Progress("linked-risk targets", len(groups), enabled=progress) as bar:
        for chunk in batched_by_weight(groups, _weight, limit=PAYLOAD, size=BATCH):
            targets = [g[0]["target"] for g in chunk]
            batch = [r for g in chunk for r in g]

            async def write(
                tx: Tx, targets: list[str] = targets, batch: list[Record] = batch
            ) -> None:
                await _replace(tx, targets, batch, run_id)

            await executor.unit(write, name="risk.linked.write")
            bar.update(len(chunk))
    removed = 0
    while True:
        n = await executor.unit(lambda tx: _sweep(tx, run_id), name="risk.linked.sweep")
        removed += n
        if n < SWEEP:
            break
    await executor.write(DELETE_REQUESTS_BEFORE, before=started)
    return LinkedRiskRun(len(sources), len(groups), len(rows), removed)


# -- reading ---------------------------------------------------------------------------------
async def indicators_of(executor: Executor, sids: Sequence[str]) -> dict[str, list[Record]]:
    """Stored risk indicators per subject, strongest first, evidence decoded, with their triage
    and its status against the evidence now (graph/risk/triage.py)."""
    grouped: dict[str, list[Record]] = defaultdict(list)
    for row in await executor.read(GET_INDICATORS, sids=list(sids)):
        grouped[row["sid"]].append(decoded(row))
    return grouped


def decoded(row: Record) -> Record:
    """An indicator row as read: its triage status (judged on the stored evidence), then the
    evidence decoded."""
    row["triageStatus"] = triage_status(row)
    row["evidence"] = json.loads(row["evidence"]) if row.get("evidence") else []
    return row
