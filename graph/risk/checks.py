"""Cross-list checks: red-black conflicts (红黑名单交叉比对) and the credit check (逢办必查).

`credit_check` gives an approval system everything it must look at in one answer (lists in force,
sanction flags in force, risk indicators, grade) and records that the check happened, with its
audit event, in the same transaction, so a check that was answered is always a check that was
recorded and audited (004 §4(3) item 4; HLJ Art.43-44). It only reports: what to do with the
answer is the approving department's call. "In force" is graph/rules/in_force.py's definition.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from graph import audit
from graph.cypher import statement
from graph.errors import BadUserInput, NotFound
from graph.executor import Executor, Record, Tx
from graph.identifiers import normalize_uscc
from graph.risk.grading import GradeResult, grade_inputs_tx, grade_of
from graph.risk.linked import decoded
from graph.risk.schemes import SCHEMES
from graph.rules.in_force import IN_FORCE

GET_CONFLICTS = statement("risk/get_red_black_conflicts")
COUNT_CONFLICTS = statement("risk/count_red_black_conflicts")
GET_ACTIVE_ENTRIES = statement("risk/get_active_entries")
GET_ACTIVE_FLAGS = statement("risk/get_active_flags")
GET_INDICATORS = statement("risk/get_risk_indicators")
CREATE_CHECK = statement("risk/create_credit_check")

CROSS = SCHEMES.cross_lists
OPERATION = "creditCheck"


def _conflict_params(as_of: date) -> dict[str, object]:
    return {"red": CROSS.red, "black": CROSS.black, "listStatuses": list(IN_FORCE), "asOf": as_of}


async def red_black_conflicts(
    executor: Executor, skip: int, limit: int, as_of: date | None = None
) -> list[Record]:
    day = as_of or date.today()
    return await executor.read(GET_CONFLICTS, skip=skip, limit=limit, **_conflict_params(day))


async def count_red_black_conflicts(executor: Executor, as_of: date | None = None) -> int:
    row = await executor.read_one(COUNT_CONFLICTS, **_conflict_params(as_of or date.today()))
    return int(row["n"]) if row else 0


@dataclass(frozen=True)
class CreditCheck:
    check_id: str
    checked_at: datetime
    business_item: str
    subject: Record
    result: str  # CLEAR, ATTENTION or SERIOUS
    entries: list[Record]
    flags: list[Record]
    indicators: list[Record]
    grade: GradeResult


def verdict(
    entries: list[Record], flags: list[Record], indicators: list[Record], grade: str
) -> str:
    """SERIOUS: a serious list or grade C/D; ATTENTION: any other negative list, a sanction flag,
    a risk indicator or grade B; CLEAR otherwise. A red list alone is CLEAR."""
    negative = [e for e in entries if e["listType"] not in CROSS.red]
    if grade in ("C", "D") or any(e["listType"] in SCHEMES.serious_list_types for e in negative):
        return "SERIOUS"
    if negative or flags or indicators or grade == "B":
        return "ATTENTION"
    return "CLEAR"


async def credit_check(
    executor: Executor,
    uscc: str,
    business_item: str,
    *,
    by: audit.Principal,
    operation: str = OPERATION,
) -> CreditCheck:
    """Check an applicant before handling a business item; record the check (checked by `by`)
    and its audit event in the same transaction."""
    sid = normalize_uscc(uscc)
    item = business_item.strip()
    if not item or len(item) > 200:
        raise BadUserInput("businessItem: 1 to 200 characters", field="businessItem")
    day = date.today()

    async def work(tx: Tx) -> CreditCheck:
        inputs = (await grade_inputs_tx(tx, [sid], day)).get(sid)
        if inputs is None or inputs.kind == "NATURAL_PERSON":
            raise NotFound(f"no organisation with USCC {sid}", uscc=sid)
        grade = grade_of(inputs, day)
        entries = await tx.run(
            GET_ACTIVE_ENTRIES, sids=[sid], listStatuses=list(IN_FORCE), asOf=day
        )
        flags = await tx.run(GET_ACTIVE_FLAGS, sids=[sid], asOf=day)
        indicators = [decoded(i) for i in await tx.run(GET_INDICATORS, sids=[sid])]
        result = verdict(entries, flags, indicators, grade.grade)
        check = CreditCheck(
            check_id="CC" + uuid.uuid4().hex[:16].upper(),
            checked_at=datetime.now(UTC),
            business_item=item,
            subject={"sid": sid, "name": inputs.name, "kind": inputs.kind},
            result=result,
            entries=entries,
            flags=flags,
            indicators=indicators,
            grade=grade,
        )
        await tx.run(
            CREATE_CHECK,
            sid=sid,
            checkId=check.check_id,
            businessItem=item,
            checkedAt=check.checked_at,
            checkedBy=f"{by.role}:{by.id}",
            result=result,
            grade=grade.grade,
            listTypes=sorted({e["listType"] for e in entries}),
            flagCount=len(flags),
            indicatorCount=len(indicators),
        )
        data = {"uscc": sid, "businessItem": item}
        await audit.record_event(tx, by, operation, data, [sid, check.check_id])
        return check

    return await executor.unit(work, name=operation)
