"""Applying catalogue measures and collecting feedback (DOMAIN.md §5.5 steps 5–7; P20, P21).

Feedback on an application also answers the push of its entry to the applying authority (P20),
in the same transaction, so the feedback board counts it at once.

Only a published catalogue measure may be applied (002 HLJ Art.30: "禁止实施未向社会公布的失信
约束和惩戒措施"); anything else is refused with RULE_REFUSED and nothing is written, but the
attempt is logged as a potential violation (Art.51(3)) in an audit event of its own. A measure
must also fit the entry: the entry in force, a measure kind its list allows (no joint punishment
for the key-attention list, P10) and a target the entry concerns (the listed subject, or a
person a flag derived from the entry reaches; the relevance principle of Art.30).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta

from pydantic import Field, field_validator

from graph import audit
from graph.audit import Principal
from graph.cypher import statement
from graph.errors import Conflict, NotFound, RuleRefused
from graph.executor import Executor, Record, Tx
from graph.inputs import InputModel
from graph.rules import LIFECYCLE, RULES
from graph.sanctions.inputs import subject_sid

GET_APPLICATION_REFS = statement("measures/get_application_refs")
CREATE_APPLICATION = statement("measures/create_application")
SUBMIT_FEEDBACK = statement("measures/submit_feedback")
ANSWER_PUSHES = statement("measures/answer_pushes")
GET_APPLICATIONS = statement("measures/get_applications")
GET_OVERDUE = statement("measures/get_overdue_applications")
COUNT_OVERDUE = statement("measures/count_overdue_applications")

APPLY = "applyMeasure"
# The recipient function of P20's pushes: feedback on an application answers them.
PARTICIPANT = next(name for name, r in RULES.recipients.items() if r.participants)


class ApplicationIn(InputModel):
    measureCode: str = Field(min_length=1, max_length=40)
    subjectId: str
    entryId: str = Field(min_length=1, max_length=64)
    authorityId: str = Field(min_length=1, max_length=64)
    appliedAt: date | None = None
    businessItem: str | None = Field(default=None, max_length=200)

    @field_validator("subjectId")
    @classmethod
    def _subject(cls, value: str) -> str:
        return subject_sid(value)


class FeedbackIn(InputModel):
    applicationId: str = Field(min_length=1, max_length=64)
    outcome: str = Field(min_length=1, max_length=4000)
    submittedAt: date | None = None


def _refusal(refs: Record, data: ApplicationIn, sid: str, on: date) -> RuleRefused | None:
    """Why the rules refuse this application, or None when they allow it."""
    measure, entry = refs["measure"], refs["entry"]
    if measure is None:
        return RuleRefused(
            f"measure {data.measureCode} is not in the catalogue; only published catalogue "
            "measures may be applied (002 HLJ Art.30, P21)",
            field="measureCode",
        )
    if not measure["published"]:
        return RuleRefused(
            f"measure {data.measureCode} has not been published and must not be applied "
            "(002 HLJ Art.30, P21)",
            field="measureCode",
        )
    allowed = LIFECYCLE.lists[entry["listType"]].measure_kinds
    if measure["measureKind"] not in allowed:
        return RuleRefused(
            f"a {entry['listType']} entry allows {', '.join(allowed)} measures, not "
            f"{measure['measureKind']} ({LIFECYCLE.lists[entry['listType']].source})",
            field="measureCode",
        )
    if (
        entry["status"] not in LIFECYCLE.in_force_statuses
        or (entry["validFrom"] is not None and entry["validFrom"] > on)
        or (entry["validUntil"] is not None and entry["validUntil"] < on)
    ):
        return RuleRefused(
            f"list entry {entry['entryId']} is not in force on {on.isoformat()}",
            field="entryId",
        )
    if sid != entry["sid"] and not refs["flagged"]:
        return RuleRefused(
            f"{sid} is neither the listed subject of {entry['entryId']} nor reached by a "
            "flag derived from it (relevance principle, 002 HLJ Art.30)",
            field="subjectId",
        )
    return None


async def apply_measure(
    executor: Executor,
    principal: Principal,
    data: ApplicationIn,
    *,
    today: date,
    feedback_due_days: int,
) -> str:
    """Record the application (APPLIES, AGAINST, BECAUSE_OF, BY) with its feedback due day."""
    sid = data.subjectId
    applied = data.appliedAt or today
    application_id = "MA" + uuid.uuid4().hex[:20].upper()

    async def work(tx: Tx) -> str:
        refs = await tx.one(
            GET_APPLICATION_REFS,
            code=data.measureCode,
            entryId=data.entryId,
            sid=sid,
            authorityId=data.authorityId,
        )
        assert refs is not None
        if refs["entry"] is None:
            raise NotFound(f"no list entry {data.entryId}", field="entryId")
        if refs["authority"] is None:
            raise NotFound(f"no authority {data.authorityId}", field="authorityId")
        refused = _refusal(refs, data, sid, applied)
        if refused is not None:
            raise refused
        measure, entry = refs["measure"], refs["entry"]
        ends = entry["validUntil"]
        if measure["defaultDurationDays"]:
            own_end = applied + timedelta(days=int(measure["defaultDurationDays"]))
            ends = own_end if ends is None else min(ends, own_end)
        await tx.run(
            CREATE_APPLICATION,
            applicationId=application_id,
            code=data.measureCode,
            sid=sid,
            entryId=data.entryId,
            authorityId=data.authorityId,
            appliedAt=applied,
            endsAt=ends,
            businessItem=data.businessItem,
            feedbackDueAt=applied + timedelta(days=feedback_due_days),
        )
        await audit.record_event(
            tx, principal, APPLY, data.model_dump(), [application_id, data.entryId, sid]
        )
        return application_id

    try:
        return await executor.unit(work, name=APPLY)
    except RuleRefused as refused:
        await audit.record_refusal(
            executor, principal, APPLY, data.model_dump(), [data.entryId, sid], refused.message
        )
        raise


async def submit_feedback(
    executor: Executor, principal: Principal, data: FeedbackIn, *, today: date
) -> str:
    async def work(tx: Tx) -> str:
        found = await tx.one(GET_APPLICATIONS, ids=[data.applicationId])
        if found is None:
            raise NotFound(f"no measure application {data.applicationId}", field="applicationId")
        if found["status"] != "APPLIED":
            raise Conflict(
                f"measure application {data.applicationId} is {found['status']}",
                status=found["status"],
            )
        submitted = data.submittedAt or today
        await tx.run(
            SUBMIT_FEEDBACK,
            applicationId=data.applicationId,
            outcome=data.outcome,
            submittedAt=submitted,
        )
        answered = await tx.run(
            ANSWER_PUSHES,
            applicationId=data.applicationId,
            recipient=PARTICIPANT,
            outcome=data.outcome,
            submittedAt=submitted,
        )
        await audit.record_event(
            tx,
            principal,
            "submitFeedback",
            data.model_dump(),
            [data.applicationId, *(r["noticeId"] for r in answered)],
        )
        return data.applicationId

    return await executor.unit(work, name="submitFeedback")


async def applications(executor: Executor, ids: Sequence[str]) -> list[Record]:
    if not ids:
        return []
    rows = await executor.read(GET_APPLICATIONS, ids=list(ids))
    order = {aid: i for i, aid in enumerate(ids)}
    return sorted(rows, key=lambda r: order[r["applicationId"]])


async def overdue(executor: Executor, *, as_of: date, skip: int, limit: int) -> list[Record]:
    """Applications APPLIED whose feedback was due before `as_of`, most overdue first."""
    rows = await executor.read(GET_OVERDUE, asOf=as_of, skip=skip, limit=limit)
    return await applications(executor, [r["applicationId"] for r in rows])


async def count_overdue(executor: Executor, *, as_of: date) -> int:
    row = await executor.read_one(COUNT_OVERDUE, asOf=as_of)
    return int(row["count"]) if row else 0
