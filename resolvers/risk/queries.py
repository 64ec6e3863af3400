"""Risk queries: ownership, control, clusters, grade distribution, red-black conflicts, linked risk.

`subject_grade` and `subject_risk_indicators` back `Subject.grade(asOf)` and
`Subject.riskIndicators` (wired in resolvers/subjects/types.py); both go through per-request
loaders, so a page of subjects costs one round trip each.
"""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.types import Info

from api.context import Context
from api.extensions.cost import cost_hint
from api.pagination import Connection, build, window
from graph.errors import BadUserInput, NotFound
from graph.identifiers import normalize_uscc
from graph.risk import checks, clusters, grading, ownership
from resolvers.risk.types import (
    ControlAnalysis,
    CreditGrade,
    CreditScore,
    GradeCount,
    GradeDistribution,
    GradeGroupBy,
    OwnershipAnalysis,
    RedBlackConflict,
    RiskCluster,
    RiskIndicator,
    cluster_from,
    conflict_from,
    control_from,
    grade_from,
    indicator_from,
    ownership_from,
    score_from,
)


def parse_subject_id(value: str) -> str:
    """A public subject id: a USCC (validated) or a person id, upper-cased."""
    sid = str(value).strip().upper()
    if not sid.startswith("P"):
        sid = normalize_uscc(sid)
    return sid


async def subject_grade(info: Info[Context, None], sid: str, as_of: date | None) -> CreditGrade:
    """The subject's Hebei grade on `as_of` (default today), with the items that decided it."""
    result = await info.context.loaders.risk.grade.load((sid, as_of or date.today()))
    if result is None:
        raise NotFound(f"no subject with id {sid}", id=sid)
    return grade_from(result)


async def subject_risk_indicators(info: Info[Context, None], sid: str) -> list[RiskIndicator]:
    """The subject's stored risk indicators, strongest first (never sanctions)."""
    return [indicator_from(r) for r in await info.context.loaders.risk.indicators.load(sid)]


@strawberry.type
class RiskQueries:
    @strawberry.field(
        description="Ownership penetration (股权穿透): every upstream owner whose integrated "
        "share reaches `threshold`, with the strongest contributing chains. Cross-holdings are "
        "solved exactly. Errors: BAD_USER_INPUT, NOT_FOUND.",
        metadata=cost_hint(base=50),
    )
    async def ownership(
        self,
        info: Info[Context, None],
        id: strawberry.ID,
        threshold: float = 0.25,
        as_of: date | None = None,
    ) -> OwnershipAnalysis:
        if not 0 < threshold <= 1:
            raise BadUserInput("threshold must be in (0, 1]", field="threshold")
        result = await ownership.ownership(
            info.context.executor, parse_subject_id(id), threshold, as_of
        )
        return ownership_from(result)

    @strawberry.field(
        description="The inferred actual controller (declared controller, else a holder above "
        "50% at each step), with the chain. Errors: BAD_USER_INPUT, NOT_FOUND.",
        metadata=cost_hint(base=50),
    )
    async def control(
        self, info: Info[Context, None], id: strawberry.ID, as_of: date | None = None
    ) -> ControlAnalysis:
        result = await ownership.control(info.context.executor, parse_subject_id(id), as_of)
        return control_from(result)

    @strawberry.field(
        description="A subject's Hebei grade on `asOf` (default today) with the deciding items "
        "and the supervision it implies. Errors: BAD_USER_INPUT, NOT_FOUND."
    )
    async def credit_grade(
        self, info: Info[Context, None], subject_id: strawberry.ID, as_of: date | None = None
    ) -> CreditGrade:
        return await subject_grade(info, parse_subject_id(subject_id), as_of)

    @strawberry.field(
        description="A subject's points-scheme score (Changxing-style; per-item points are "
        "configurable, [Not in seeds]). Errors: BAD_USER_INPUT, NOT_FOUND."
    )
    async def credit_score(
        self, info: Info[Context, None], subject_id: strawberry.ID, as_of: date | None = None
    ) -> CreditScore:
        sid = parse_subject_id(subject_id)
        return score_from(await grading.points_score(info.context.executor, sid, as_of))

    @strawberry.field(
        description="Stored Hebei grades of one evaluation per region or industry (the latest "
        "evaluation unless `asOf` names its period end)."
    )
    async def grade_distribution(
        self, info: Info[Context, None], group_by: GradeGroupBy, as_of: date | None = None
    ) -> GradeDistribution:
        period, groups = await grading.grade_distribution(
            info.context.executor, group_by.value, as_of
        )
        return GradeDistribution(
            group_by=group_by,
            period_end=period,
            groups=[
                GradeCount(
                    key=g.key,
                    a=g.counts["A"],
                    b=g.counts["B"],
                    c=g.counts["C"],
                    d=g.counts["D"],
                    total=g.total,
                )
                for g in groups
            ],
        )

    @strawberry.field(
        description="Risk clusters with at least `minListed` listed members, most listed first "
        "(computed by `creditgraph analytics clusters`)."
    )
    async def risk_clusters(
        self,
        info: Info[Context, None],
        first: int,
        after: str | None = None,
        min_listed: int = 1,
    ) -> Connection[RiskCluster]:
        win = window(first, after, info.context.settings.max_page_size)
        ex = info.context.executor
        rows = await clusters.risk_clusters(ex, max(min_listed, 0), win.skip, win.limit)

        async def count() -> int:
            return await clusters.count_clusters(ex, max(min_listed, 0))

        return build([cluster_from(r) for r in rows], win, count=count)

    @strawberry.field(description="One risk cluster by id. Errors: NOT_FOUND.")
    async def cluster(self, info: Info[Context, None], id: strawberry.ID) -> RiskCluster:
        row = await clusters.cluster(info.context.executor, str(id))
        if row is None:
            raise NotFound(f"no risk cluster {id}", id=str(id))
        return cluster_from(row)

    @strawberry.field(
        description="Red-black cross-comparison (红黑名单交叉比对): subjects on a red list while "
        "on a serious or key-attention list, both in force on `asOf` (default today)."
    )
    async def red_black_conflicts(
        self,
        info: Info[Context, None],
        first: int,
        after: str | None = None,
        as_of: date | None = None,
    ) -> Connection[RedBlackConflict]:
        win = window(first, after, info.context.settings.max_page_size)
        ex = info.context.executor
        rows = await checks.red_black_conflicts(ex, win.skip, win.limit, as_of)

        async def count() -> int:
            return await checks.count_red_black_conflicts(ex, as_of)

        return build([conflict_from(r) for r in rows], win, count=count)

    @strawberry.field(
        description="Linked-risk indicators of a subject (P19), strongest first, each with its "
        "evidence paths. For supervisory prioritisation only, never a sanction.",
        metadata=cost_hint(multiplier=20),
    )
    async def linked_risk_indicators(
        self, info: Info[Context, None], subject_id: strawberry.ID
    ) -> list[RiskIndicator]:
        return await subject_risk_indicators(info, parse_subject_id(subject_id))
