"""GraphQL types for risk analytics: grades, ownership, control, linked risk, clusters, checks.

Risk indicators and clusters prioritise supervision only; none of these types is a sanction
(sanction flags live in resolvers/sanctions). Persons appear with name and masked ID only.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from api.context import Context
from api.extensions.cost import cost_hint
from api.pagination import Connection, build, window
from graph.executor import Record
from graph.explain.sentences import check_explanation, grade_reason, indicator_rationale
from graph.risk import clusters
from graph.risk.checks import CreditCheck as CreditCheckResult
from graph.risk.grading import HEBEI, Counted, GradeResult, ScoreResult
from graph.risk.ownership import Chain, ControlResult, Holding, OwnershipResult
from resolvers.enums import PenaltyKind, RoleType, SubjectKind
from resolvers.language import LANG_ARG, Lang
from resolvers.records.types import ListEntry, list_entry_from_row

if TYPE_CHECKING:
    from resolvers.subjects.types import Subject

SubjectT = Annotated["Subject", strawberry.lazy("resolvers.subjects.types")]


def _subject(row: Record) -> Subject:
    from resolvers.subjects.types import subject_from_row

    return subject_from_row(row)


@strawberry.enum(description="Hebei enterprise credit classes (docs/domain.md §4.2).")
class HebeiGrade(Enum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


@strawberry.enum(description="How grade statistics are grouped (HEB §5(3)).")
class GradeGroupBy(Enum):
    REGION = "REGION"
    INDUSTRY = "INDUSTRY"


@strawberry.enum(description="How a linked-risk target is tied to its source.")
class RiskLinkKind(Enum):
    SHARED_ROLE = "SHARED_ROLE"
    OWNERSHIP = "OWNERSHIP"
    CONTROL = "CONTROL"


@strawberry.enum(description="Why a step of a control chain counts as control.")
class ControlBasis(Enum):
    DECLARED = "DECLARED"
    MAJORITY = "MAJORITY"


@strawberry.enum(description="What a credit check found: SERIOUS, ATTENTION or CLEAR.")
class CreditCheckVerdict(Enum):
    SERIOUS = "SERIOUS"
    ATTENTION = "ATTENTION"
    CLEAR = "CLEAR"


# -- parties -----------------------------------------------------------------------------------
@strawberry.type(
    description="A subject named in a risk answer: id, name and kind (a person: name and masked "
    "ID only). `subject` loads the whole subject."
)
class RiskParty:
    id: strawberry.ID = strawberry.field(description="Public id: the USCC or the person id.")
    name: str | None = strawberry.field(description="Name.")
    kind: SubjectKind | None = strawberry.field(description="Kind of subject.")
    id_masked: str | None = strawberry.field(description="Masked ID number (persons only).")

    @strawberry.field(description="The whole subject (batched); null if it no longer exists.")
    async def subject(self, info: Info[Context, None]) -> SubjectT | None:
        row = await info.context.loaders.subject.load(str(self.id))
        return _subject(row) if row is not None else None


def party(row: Record | None, sid: str) -> RiskParty:
    row = row or {}
    kind = row.get("kind")
    return RiskParty(
        id=strawberry.ID(sid),
        name=row.get("name"),
        kind=SubjectKind(kind) if kind in SubjectKind.__members__ else None,
        id_masked=row.get("idMasked"),
    )


@strawberry.type(description="A role edge as stored: holder → organisation, with type and dates.")
class HoldingLink:
    holder_id: strawberry.ID = strawberry.field(description="The holder's public id.")
    organization_id: strawberry.ID = strawberry.field(description="The organisation's USCC.")
    role: RoleType = strawberry.field(description="The role (shareholding, control, …).")
    since: date | None = strawberry.field(description="First day of the role.")
    ratio: float | None = strawberry.field(description="Share held (0–1), for SHAREHOLDER_OF.")


def _date(value: Any) -> date | None:
    if isinstance(value, str):
        return date.fromisoformat(value)
    return value if isinstance(value, date) else None


def link_from(h: Holding) -> HoldingLink:
    return HoldingLink(
        holder_id=strawberry.ID(h.holder),
        organization_id=strawberry.ID(h.held),
        role=RoleType(h.role),
        since=h.since,
        ratio=h.ratio,
    )


# -- grades ------------------------------------------------------------------------------------
@strawberry.type(description="Supervision a grade implies (HEB §4(3), §6(2); docs/domain.md §4.1).")
class SupervisionTreatment:
    tier: str = strawberry.field(description="LOW_RISK, NORMAL or HIGH_RISK.")
    spot_checks: str = strawberry.field(
        description="Spot-check share and frequency: LOWER, NORMAL, RAISED or STRICT."
    )
    spot_check_share: float | None = strawberry.field(
        description="Configured share of spot checks; null: the seeds give no number."
    )
    measures: str = strawberry.field(description="What the class means for supervision.")
    source: str = strawberry.field(description="Citation of the policy seed.")


@strawberry.type(description="A record, list entry or status that counted towards a grade.")
class GradeItem:
    kind: str = strawberry.field(description="RECORD, LIST_ENTRY or STATUS.")
    id: strawberry.ID = strawberry.field(description="Record id, entry id, or the subject id.")
    type: str = strawberry.field(description="Record type, list type or organisation status.")
    item_class: str = strawberry.field(
        description="What it counted as: GENERAL, SERIOUS, SERIOUS_LIST, REVOKED or POSITIVE."
    )
    day: date | None = strawberry.field(
        name="date", description="Decision date (or the entry's start)."
    )
    penalty_kind: PenaltyKind | None = strawberry.field(description="Penalty kind, if any.")
    title: str | None = strawberry.field(description="Short description of the act.")


def item_from(c: Counted) -> GradeItem:
    kind = c.penalty_kind
    return GradeItem(
        kind=c.kind,
        id=strawberry.ID(c.id),
        type=c.type,
        item_class=str(c.cls),
        day=c.date,
        penalty_kind=PenaltyKind(kind) if kind in PenaltyKind.__members__ else None,
        title=c.title,
    )


@strawberry.type(
    description="A Hebei A/B/C/D grade over the year up to `periodEnd`, with the items that "
    "decided it and the supervision it implies (P9; simple-procedure penalties excluded, P15)."
)
class CreditGrade:
    scheme: str = strawberry.field(description="Scheme id (HEBEI_ABCD).")
    grade: HebeiGrade = strawberry.field(description="The class.")
    period_start: date = strawberry.field(description="The window starts after this day.")
    period_end: date = strawberry.field(description="Last day of the window (the asOf date).")
    general_count: int = strawberry.field(description="General dishonesty items counted.")
    serious_count: int = strawberry.field(description="Serious dishonesty items counted.")
    deciding_items: list[GradeItem] = strawberry.field(
        description="Items that decided it.", metadata=cost_hint(multiplier=20)
    )
    treatment: SupervisionTreatment = strawberry.field(description="What the class implies.")

    @strawberry.field(
        description="Why, in words: the counts that decided the class and the scheme's document."
    )
    def reason(self, lang: Annotated[Lang, LANG_ARG] = Lang.ZH) -> str:
        return grade_reason(
            self.grade.value, self.general_count, self.serious_count, HEBEI.max_general_for_b, lang
        )


def grade_from(g: GradeResult) -> CreditGrade:
    t = g.treatment
    return CreditGrade(
        scheme=g.scheme,
        grade=HebeiGrade(g.grade),
        period_start=g.period_start,
        period_end=g.period_end,
        general_count=g.general_count,
        serious_count=g.serious_count,
        deciding_items=[item_from(c) for c in g.deciding],
        treatment=SupervisionTreatment(
            tier=t.tier,
            spot_checks=t.spot_checks,
            spot_check_share=t.spot_check_share,
            measures=t.measures,
            source=t.source,
        ),
    )


@strawberry.type(description="One counted item's points in a points-scheme score.")
class ScoreContribution:
    item: GradeItem = strawberry.field(description="The counted item.")
    points: int = strawberry.field(description="Points it adds (positive) or takes (negative).")


@strawberry.type(
    description="A Changxing-style points score (base 1000, bands 850/800/750/700; per-item "
    "points are configurable, [Not in seeds])."
)
class CreditScore:
    scheme: str = strawberry.field(description="Scheme id.")
    score: int = strawberry.field(description="The score.")
    band: str = strawberry.field(description="EXCELLENT, GOOD, MEDIUM, POOR or BAD.")
    base: int = strawberry.field(description="Base score.")
    period_start: date = strawberry.field(description="The window starts after this day.")
    period_end: date = strawberry.field(description="Last day of the window.")
    contributions: list[ScoreContribution] = strawberry.field(
        description="Points per item.", metadata=cost_hint(multiplier=20)
    )


def score_from(s: ScoreResult) -> CreditScore:
    return CreditScore(
        scheme=s.scheme,
        score=s.score,
        band=s.band,
        base=s.base,
        period_start=s.period_start,
        period_end=s.period_end,
        contributions=[ScoreContribution(item=item_from(c), points=p) for c, p in s.contributions],
    )


@strawberry.type(description="Number of subjects per class in one group.")
class GradeCount:
    key: str | None = strawberry.field(description="Region or industry code (null: unknown).")
    a: int = strawberry.field(description="Class A.")
    b: int = strawberry.field(description="Class B.")
    c: int = strawberry.field(description="Class C.")
    d: int = strawberry.field(description="Class D.")
    total: int = strawberry.field(description="All classes.")


@strawberry.type(description="Stored grades of one evaluation, counted per region or industry.")
class GradeDistribution:
    group_by: GradeGroupBy = strawberry.field(description="How the counts are grouped.")
    period_end: date | None = strawberry.field(
        description="The evaluation used (null: none stored yet; run `creditgraph analytics "
        "grades`)."
    )
    groups: list[GradeCount] = strawberry.field(description="Groups, largest first.")


# -- ownership and control --------------------------------------------------------------------
@strawberry.type(description="One simple chain of shareholdings (explanation only).")
class OwnershipChain:
    contribution: float = strawberry.field(description="Product of the ratios on the chain.")
    subjects: list[RiskParty] = strawberry.field(
        description="From the owner to the subject.", metadata=cost_hint(multiplier=11)
    )
    links: list[HoldingLink] = strawberry.field(
        description="The shareholdings on the way.", metadata=cost_hint(multiplier=10)
    )


def chain_from(c: Chain, refs: dict[str, Record]) -> OwnershipChain:
    return OwnershipChain(
        contribution=c.contribution,
        subjects=[party(refs.get(s), s) for s in c.sids],
        links=[link_from(h) for h in c.holdings],
    )


@strawberry.type(description="An upstream owner with its integrated share.")
class BeneficialOwner:
    owner: RiskParty = strawberry.field(description="The owner.")
    share: float = strawberry.field(
        description="Integrated share: over every chain, the product of the ratios, summed "
        "(cross-holdings included, solved as a linear system)."
    )
    ultimate: bool = strawberry.field(description="Nobody holds shares in this owner.")
    chains: list[OwnershipChain] = strawberry.field(
        description="The strongest simple chains, an explanation only: with cross-holdings "
        "they do not add up to `share`.",
        metadata=cost_hint(multiplier=5),
    )


@strawberry.type(description="Ownership penetration (股权穿透) of a subject on a day.")
class OwnershipAnalysis:
    subject: RiskParty = strawberry.field(description="The subject owned.")
    as_of: date = strawberry.field(description="The day the holdings must cover.")
    threshold: float = strawberry.field(description="Smallest integrated share reported.")
    owners: list[BeneficialOwner] = strawberry.field(
        description="Owners, largest share first.", metadata=cost_hint(multiplier=50)
    )
    converged: bool = strawberry.field(description="The solver converged within tolerance.")
    iterations: int = strawberry.field(description="Solver iterations used.")
    truncated: bool = strawberry.field(description="The upstream pull hit its depth/size bound.")


def ownership_from(r: OwnershipResult) -> OwnershipAnalysis:
    return OwnershipAnalysis(
        subject=party(r.refs.get(r.target), r.target),
        as_of=r.as_of,
        threshold=r.threshold,
        owners=[
            BeneficialOwner(
                owner=party(r.refs.get(o.sid), o.sid),
                share=o.share,
                ultimate=o.ultimate,
                chains=[chain_from(c, r.refs) for c in o.chains],
            )
            for o in r.owners
        ],
        converged=r.converged,
        iterations=r.iterations,
        truncated=r.truncated,
    )


@strawberry.type(description="One step up a control chain.")
class ControlStep:
    holder: RiskParty = strawberry.field(description="Who controls the held organisation.")
    held: RiskParty = strawberry.field(description="The organisation controlled.")
    basis: ControlBasis = strawberry.field(description="Declared controller or majority holder.")
    ratio: float | None = strawberry.field(description="The majority share, if by majority.")
    since: date | None = strawberry.field(description="First day of the role.")


@strawberry.type(
    description="The inferred actual controller: at each step the declared actual controller, "
    "else a holder above 50%. Not the same as the largest economic owner."
)
class ControlAnalysis:
    subject: RiskParty = strawberry.field(description="The subject controlled.")
    as_of: date = strawberry.field(description="The day the roles must cover.")
    controller: RiskParty | None = strawberry.field(description="Top of the chain; null: none.")
    steps: list[ControlStep] = strawberry.field(
        description="From the subject upwards.", metadata=cost_hint(multiplier=10)
    )
    cycle: bool = strawberry.field(description="The chain returned on itself and stopped.")
    truncated: bool = strawberry.field(description="The upstream pull hit its depth/size bound.")


def control_from(r: ControlResult) -> ControlAnalysis:
    return ControlAnalysis(
        subject=party(r.refs.get(r.target), r.target),
        as_of=r.as_of,
        controller=party(r.refs.get(r.controller), r.controller) if r.controller else None,
        steps=[
            ControlStep(
                holder=party(r.refs.get(s.holder), s.holder),
                held=party(r.refs.get(s.held), s.held),
                basis=ControlBasis(s.basis),
                ratio=s.ratio,
                since=s.since,
            )
            for s in r.steps
        ],
        cycle=r.cycle,
        truncated=r.truncated,
    )


# -- linked risk -------------------------------------------------------------------------------
@strawberry.type(description="One evidence path from the source to the indicated subject.")
class RiskEvidencePath:
    kind: RiskLinkKind = strawberry.field(description="Shared role holder, ownership or control.")
    score: float = strawberry.field(description="Score of this path alone.")
    share: float | None = strawberry.field(description="Product of the shareholdings, if any.")
    subjects: list[RiskParty] = strawberry.field(
        description="From the source to the subject.", metadata=cost_hint(multiplier=5)
    )
    links: list[HoldingLink] = strawberry.field(
        description="The role edges, with their dates.", metadata=cost_hint(multiplier=4)
    )


def evidence_from(e: Record) -> RiskEvidencePath:
    return RiskEvidencePath(
        kind=RiskLinkKind(e["kind"]),
        score=e["score"],
        share=e.get("share"),
        subjects=[party(s, s["sid"]) for s in e["subjects"]],
        links=[
            HoldingLink(
                holder_id=strawberry.ID(x["holder"]),
                organization_id=strawberry.ID(x["organization"]),
                role=RoleType(x["role"]),
                since=_date(x.get("since")),
                ratio=x.get("ratio"),
            )
            for x in e["links"]
        ],
    )


@strawberry.enum(description="A triage decision: confirmed as a real risk, or dismissed.")
class TriageDecision(Enum):
    CONFIRMED = "CONFIRMED"
    DISMISSED = "DISMISSED"


@strawberry.enum(description="Where a triaged indicator stands.")
class TriageStatus(Enum):
    CONFIRMED = "CONFIRMED"
    DISMISSED = "DISMISSED"
    CHANGED = "CHANGED"


@strawberry.type(
    description="An investigator's or officer's decision on an indicator. It holds while the "
    "evidence it judged is the indicator's evidence; after a recomputation that found a new path "
    "or source entry, `status` is CHANGED: judge it again."
)
class IndicatorTriage:
    status: TriageStatus = strawberry.field(
        description="CONFIRMED or DISMISSED as decided, or CHANGED."
    )
    decision: TriageDecision = strawberry.field(description="What was decided.")
    reason: str = strawberry.field(description="Why.")
    by: str = strawberry.field(description="Who decided (token subject).")
    role: str = strawberry.field(description="Their role.")
    at: datetime = strawberry.field(description="When.")


def triage_from(row: Record) -> IndicatorTriage | None:
    t = row.get("triage")
    status = row.get("triageStatus")
    if not t or status is None:
        return None
    return IndicatorTriage(
        status=TriageStatus(status),
        decision=TriageDecision(t["decision"]),
        reason=t["reason"],
        by=t["by"],
        role=t["role"],
        at=t["at"],
    )


@strawberry.type(
    description="A risk indicator (P19 LINKED_RISK): for prioritising supervision only, never a "
    "sanction; always explained by its evidence paths."
)
class RiskIndicator:
    id: strawberry.ID = strawberry.field(
        description="Indicator id (stable per subject and source)."
    )
    indicator_type: str = strawberry.field(description="LINKED_RISK.")
    score: float = strawberry.field(description="0–1: link weight × decay per extra edge.")
    rule_id: str = strawberry.field(description="The rule that produced it (P19).")
    computed_at: datetime | None = strawberry.field(description="When it was computed.")
    is_risk_indicator: bool = strawberry.field(description="Always true: not a sanction.")
    source: RiskParty = strawberry.field(description="The listed or C/D-graded subject.")
    source_grade: HebeiGrade | None = strawberry.field(description="The source's grade then.")
    source_entry_ids: list[str] = strawberry.field(
        description="The source's serious entries.", metadata=cost_hint(multiplier=5)
    )
    link_kinds: list[RiskLinkKind] = strawberry.field(
        description="Kinds of link found.", metadata=cost_hint(multiplier=3)
    )
    distance: int = strawberry.field(description="Fewest edges between source and subject.")
    evidence: list[RiskEvidencePath] = strawberry.field(
        description="Strongest paths first.", metadata=cost_hint(multiplier=10)
    )
    triage: IndicatorTriage | None = strawberry.field(
        description="Confirmed or dismissed by an investigator or officer (null: not triaged)."
    )
    row: strawberry.Private[Record]

    @strawberry.field(
        description="Why, in words: the source, the relations (strongest first, person —role→ "
        "organisation, with dates), the rule's document, and that it is never a sanction."
    )
    def rationale(self, lang: Annotated[Lang, LANG_ARG] = Lang.ZH) -> str:
        row = self.row
        return indicator_rationale(
            row.get("evidence") or [],
            row.get("sourceName") or row["sourceSid"],
            row.get("sourceGrade"),
            bool(row.get("sourceEntryIds")),
            lang,
        )


def indicator_from(row: Record) -> RiskIndicator:
    grade = row.get("sourceGrade")
    return RiskIndicator(
        id=strawberry.ID(row["indicatorId"]),
        indicator_type=row["indicatorType"],
        score=row["score"],
        rule_id=row["ruleId"],
        row=row,
        computed_at=row.get("computedAt"),
        is_risk_indicator=bool(row.get("isRiskIndicator")),
        source=party(
            {"name": row.get("sourceName"), "kind": row.get("sourceKind")}, row["sourceSid"]
        ),
        source_grade=HebeiGrade(grade) if grade else None,
        source_entry_ids=list(row.get("sourceEntryIds") or []),
        link_kinds=[RiskLinkKind(k) for k in row.get("linkKinds") or []],
        distance=int(row.get("distance") or 0),
        evidence=[evidence_from(e) for e in row.get("evidence") or []],
        triage=triage_from(row),
    )


# -- clusters ----------------------------------------------------------------------------------
@strawberry.type(description="A member of a risk cluster, as it stood when computed.")
class RiskClusterMember:
    subject: SubjectT = strawberry.field(description="The member.")
    listed: bool = strawberry.field(description="On a serious list when computed.")
    grade: HebeiGrade | None = strawberry.field(description="Grade when computed (organisations).")


@strawberry.type(
    description="A connected group of subjects over role and ownership edges holding at least "
    "one listed subject. The id hashes the sorted member ids: same members, same id."
)
class RiskCluster:
    id: strawberry.ID = strawberry.field(description="Stable cluster id.")
    size: int = strawberry.field(description="Members (organisations and persons).")
    organization_count: int = strawberry.field(description="Organisations among the members.")
    listed_count: int = strawberry.field(description="Members on a serious list.")
    cd_count: int = strawberry.field(description="Organisations graded C or D.")
    cd_share: float = strawberry.field(description="cdCount / organizationCount.")
    computed_at: datetime | None = strawberry.field(description="When it was computed.")

    @strawberry.field(description="Members, listed ones first.")
    async def members(
        self, info: Info[Context, None], first: int, after: str | None = None
    ) -> Connection[RiskClusterMember]:
        win = window(first, after, info.context.settings.max_page_size)
        rows = await clusters.cluster_members(
            info.context.executor, str(self.id), win.skip, win.limit
        )
        nodes = [
            RiskClusterMember(
                subject=_subject(r),
                listed=bool(r.get("listed")),
                grade=HebeiGrade(r["grade"]) if r.get("grade") else None,
            )
            for r in rows
        ]
        return build(nodes, win, total=self.size)


def cluster_from(row: Record) -> RiskCluster:
    return RiskCluster(
        id=strawberry.ID(row["clusterId"]),
        size=row["size"],
        organization_count=row["organizationCount"],
        listed_count=row["listedCount"],
        cd_count=row["cdCount"],
        cd_share=row["cdShare"],
        computed_at=row.get("computedAt"),
    )


# -- cross-list checks -------------------------------------------------------------------------
@strawberry.type(description="A subject on a red list while on a serious or key-attention list.")
class RedBlackConflict:
    subject: SubjectT = strawberry.field(description="The subject.")
    red_entries: list[ListEntry] = strawberry.field(
        description="Red-list entries in force.", metadata=cost_hint(multiplier=5)
    )
    black_entries: list[ListEntry] = strawberry.field(
        description="Serious and key-attention entries in force.",
        metadata=cost_hint(multiplier=5),
    )


def conflict_from(row: Record) -> RedBlackConflict:
    return RedBlackConflict(
        subject=_subject(row),
        red_entries=[list_entry_from_row(e) for e in row["reds"]],
        black_entries=[list_entry_from_row(e) for e in row["blacks"]],
    )


@strawberry.type(description="A sanction flag in force, as a credit check reports it.")
class CheckedFlag:
    id: strawberry.ID = strawberry.field(description="Flag id.")
    flag_type: str | None = strawberry.field(description="Flag type (e.g. COMMITMENT_INELIGIBLE).")
    rule_id: str | None = strawberry.field(description="Rule that raised it.")
    legal_basis: str | None = strawberry.field(description="Its legal basis.")
    valid_from: date | None = strawberry.field(description="First day in force.")
    valid_until: date | None = strawberry.field(description="Last day in force, if set.")


@strawberry.type(
    description="A recorded credit check (逢办必查): lists and flags in force, risk indicators "
    "and grade, in one answer."
)
class CreditCheck:
    id: strawberry.ID = strawberry.field(description="Check id (recorded as :CreditCheck).")
    checked_at: datetime = strawberry.field(description="When the check ran.")
    business_item: str = strawberry.field(description="The business item being handled.")
    subject: RiskParty = strawberry.field(description="The applicant.")
    verdict: CreditCheckVerdict = strawberry.field(
        description="SERIOUS: serious list or grade C/D; ATTENTION: other negative list, a "
        "sanction flag, a risk indicator or grade B; CLEAR otherwise."
    )
    active_entries: list[ListEntry] = strawberry.field(
        description="List entries in force.", metadata=cost_hint(multiplier=20)
    )
    flags: list[CheckedFlag] = strawberry.field(
        description="Sanction flags in force.", metadata=cost_hint(multiplier=20)
    )
    risk_indicators: list[RiskIndicator] = strawberry.field(
        description="Risk indicators (prioritisation only).", metadata=cost_hint(multiplier=20)
    )
    grade: CreditGrade = strawberry.field(description="The Hebei grade today.")
    result: strawberry.Private[CreditCheckResult]

    @strawberry.field(description="The verdict in words: what was found and what it means.")
    def explanation(self, lang: Annotated[Lang, LANG_ARG] = Lang.ZH) -> str:
        c = self.result
        return check_explanation(
            c.result, c.entries, c.flags, len(c.indicators), c.grade.grade, lang
        )


def check_from(c: CreditCheckResult) -> CreditCheck:
    return CreditCheck(
        result=c,
        id=strawberry.ID(c.check_id),
        checked_at=c.checked_at,
        business_item=c.business_item,
        subject=party(c.subject, c.subject["sid"]),
        verdict=CreditCheckVerdict(c.result),
        active_entries=[list_entry_from_row(e) for e in c.entries],
        flags=[
            CheckedFlag(
                id=strawberry.ID(f["flagId"]),
                flag_type=f.get("flagType"),
                rule_id=f.get("ruleId"),
                legal_basis=f.get("legalBasis"),
                valid_from=f.get("validFrom"),
                valid_until=f.get("validUntil"),
            )
            for f in c.flags
        ],
        risk_indicators=[indicator_from(i) for i in c.indicators],
        grade=grade_from(c.grade),
    )
