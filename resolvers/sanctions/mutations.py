"""Mutations: designation (with propagation), objection, repair, revoked basis, measures.

Each mutation is one transaction in graph/ with its audit event; the principal comes from the
request context.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry
from strawberry.types import Info

from api.context import Context
from graph.inputs import validated
from graph.measures import applications
from graph.measures.applications import ApplicationIn, FeedbackIn
from graph.sanctions import designation, flags, lifecycle
from graph.sanctions.inputs import (
    DesignationIn,
    ObjectionDecisionIn,
    ObjectionIn,
    RepairIn,
    RevocationIn,
)
from graph.sanctions.lifecycle import Calendar
from graph.sanctions.removal import Removal as RemovalData
from resolvers.enums import ListType
from resolvers.sanctions.types import (
    DesignationResult,
    MeasureApplication,
    Objection,
    ObjectionDecision,
    ObjectionDecisionResult,
    ObjectionGrounds,
    Removal,
    RepairMethod,
    RepairResult,
    SanctionFlag,
    entry_from_row,
)


@strawberry.input(description="A written designation decision (002 HLJ Art.28).")
class DesignationInput:
    list_type: ListType = strawberry.field(description="The list.")
    subject_id: strawberry.ID = strawberry.field(description="USCC or person id of the subject.")
    authority_id: strawberry.ID = strawberry.field(description="The designating department.")
    decision_no: str = strawberry.field(description="Number of the written decision.")
    decision_date: date = strawberry.field(
        description="Date of the decision; role holders are taken on this day."
    )
    reason: str | None = strawberry.field(default=None, description="Reason (理由).")
    legal_basis: str | None = strawberry.field(default=None, description="Basis (依据).")
    valid_from: date | None = strawberry.field(
        default=None, description="First day the listing counts (default: the decision date)."
    )
    valid_until: date | None = strawberry.field(
        default=None, description="Last day of the period (期限); required for the serious list."
    )
    removal_conditions: str | None = strawberry.field(
        default=None, description="Conditions for removal (移出条件)."
    )
    remedies: str | None = strawberry.field(default=None, description="Remedies (救济途径).")
    debt_responsible_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Persons directly responsible for the unpaid debt (person ids)."
    )
    entry_id: strawberry.ID | None = strawberry.field(
        default=None, description="Entry id; derived from the decision when omitted."
    )


def designation_data(i: DesignationInput) -> dict[str, Any]:
    return {
        "entryId": str(i.entry_id) if i.entry_id else None,
        "listType": i.list_type.value,
        "subjectId": str(i.subject_id),
        "authorityId": str(i.authority_id),
        "decisionNo": i.decision_no,
        "decisionDate": i.decision_date,
        "reason": i.reason,
        "legalBasis": i.legal_basis,
        "validFrom": i.valid_from,
        "validUntil": i.valid_until,
        "removalConditions": i.removal_conditions,
        "remedies": i.remedies,
        "debtResponsibleIds": [str(p) for p in i.debt_responsible_ids or []],
    }


@strawberry.input(description="An objection against a list entry (002 HLJ Art.35, 39).")
class ObjectionInput:
    entry_id: strawberry.ID = strawberry.field(description="The entry objected to.")
    grounds: ObjectionGrounds = strawberry.field(description="Grounds of the objection.")
    statement: str = strawberry.field(description="The subject's statement and reasons.")
    filed_at: date | None = strawberry.field(default=None, description="Day received (today).")


@strawberry.input(description="The decision on an objection.")
class ObjectionDecisionInput:
    objection_id: strawberry.ID = strawberry.field(description="The objection.")
    decision: ObjectionDecision = strawberry.field(description="UPHELD or REJECTED.")
    reasons: str | None = strawberry.field(
        default=None, description="Reasons; required when rejected (Art.35)."
    )
    decided_at: date | None = strawberry.field(default=None, description="Day (today).")


@strawberry.input(description="An approved credit repair (002 HLJ Art.40).")
class RepairInput:
    entry_id: strawberry.ID = strawberry.field(description="The entry repaired.")
    methods: list[RepairMethod] = strawberry.field(description="How the subject repaired.")
    filed_at: date | None = strawberry.field(default=None, description="Day filed.")
    completed_at: date | None = strawberry.field(default=None, description="Day confirmed.")
    note: str | None = strawberry.field(default=None, description="Officer's note.")


@strawberry.input(description="The listing's basis was revoked, found void or changed (Art.38).")
class RevocationInput:
    entry_id: strawberry.ID = strawberry.field(description="The entry.")
    reason: str = strawberry.field(description="Which document changed and how.")
    revoked_at: date | None = strawberry.field(default=None, description="Day (today).")


@strawberry.input(description="A department applies a catalogue measure because of an entry.")
class MeasureApplicationInput:
    measure_code: str = strawberry.field(description="Catalogue code; must be published.")
    subject_id: strawberry.ID = strawberry.field(description="Whom it is applied against.")
    entry_id: strawberry.ID = strawberry.field(description="The entry it is applied because of.")
    authority_id: strawberry.ID = strawberry.field(description="The applying department.")
    applied_at: date | None = strawberry.field(default=None, description="Day (today).")
    business_item: str | None = strawberry.field(
        default=None, description="Business item, e.g. a procurement or approval number."
    )


@strawberry.input(description="How a department applied a measure (反馈).")
class FeedbackInput:
    application_id: strawberry.ID = strawberry.field(description="The measure application.")
    outcome: str = strawberry.field(description="What was done.")
    submitted_at: date | None = strawberry.field(default=None, description="Day (today).")


async def _removal(info: Info[Context, None], data: RemovalData, entry_id: str) -> Removal:
    ids = list(dict.fromkeys([entry_id, *data.entries]))
    rows = await lifecycle.entries(info.context.executor, ids)
    today = date.today()
    return Removal(
        entries=[entry_from_row(r, today) for r in rows],
        ended_flag_ids=[strawberry.ID(f) for f in data.flags],
        terminated_application_ids=[strawberry.ID(a) for a in data.applications],
        notified_authority_ids=[strawberry.ID(a) for a in data.authorities],
    )


async def _application(info: Info[Context, None], application_id: str) -> MeasureApplication:
    rows = await applications.applications(info.context.executor, [application_id])
    return MeasureApplication.from_row(rows[0])


@strawberry.type
class SanctionMutations:
    @strawberry.mutation(
        description="Designate a list entry from a written decision and propagate it in the same "
        "transaction (P1, P2, P8, P10); returns the derived flags. "
        "Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT."
    )
    async def designate_list_entry(
        self, info: Info[Context, None], input: DesignationInput
    ) -> DesignationResult:
        data = validated(DesignationIn, designation_data(input))
        ctx = info.context
        today = date.today()
        done = await designation.designate(ctx.executor, ctx.principal, [data], on=today)
        rows = await lifecycle.entries(ctx.executor, [*done.entry_ids, *done.outcome.entries])
        by_id = {r["entryId"]: entry_from_row(r, today) for r in rows}
        flag_rows = await flags.flags_by_id(ctx.executor, done.outcome.flags)
        return DesignationResult(
            entry=by_id[done.entry_ids[0]],
            derived_entries=[by_id[e] for e in done.outcome.entries if e in by_id],
            flags=[SanctionFlag.from_row(r, today) for r in flag_rows],
        )

    @strawberry.mutation(
        description="File an objection: the entry is marked (OBJECTION_PENDING) and still "
        "counts until decided. Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT."
    )
    async def file_objection(self, info: Info[Context, None], input: ObjectionInput) -> Objection:
        data = validated(
            ObjectionIn,
            {
                "entryId": str(input.entry_id),
                "grounds": input.grounds.value,
                "statement": input.statement,
                "filedAt": input.filed_at,
            },
        )
        ctx = info.context
        cal = Calendar(set(ctx.settings.public_holidays), set(ctx.settings.makeup_workdays))
        oid = await lifecycle.file_objection(
            ctx.executor, ctx.principal, data, today=date.today(), cal=cal
        )
        rows = await ctx.executor.read(lifecycle.GET_OBJECTIONS, ids=[oid])
        return Objection.from_row(rows[0])

    @strawberry.mutation(
        description="Decide an objection. UPHELD removes the entry and ends every flag and "
        "measure derived from it (P12); REJECTED (with reasons) lifts the mark. "
        "Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT."
    )
    async def decide_objection(
        self, info: Info[Context, None], input: ObjectionDecisionInput
    ) -> ObjectionDecisionResult:
        data = validated(
            ObjectionDecisionIn,
            {
                "objectionId": str(input.objection_id),
                "decision": input.decision.value,
                "reasons": input.reasons,
                "decidedAt": input.decided_at,
            },
        )
        ctx = info.context
        lifted = await lifecycle.decide_objection(
            ctx.executor, ctx.principal, data, today=date.today()
        )
        rows = await ctx.executor.read(lifecycle.GET_OBJECTIONS, ids=[data.objectionId])
        objection = Objection.from_row(rows[0])
        return ObjectionDecisionResult(
            objection=objection,
            removal=await _removal(info, lifted.removal, str(objection.entry_id)),
        )

    @strawberry.mutation(
        description="Approve a credit repair: publication stops, the entry is removed, its flags "
        "end and its measures are terminated; the repair is recorded (P11). "
        "Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT."
    )
    async def approve_repair(self, info: Info[Context, None], input: RepairInput) -> RepairResult:
        data = validated(
            RepairIn,
            {
                "entryId": str(input.entry_id),
                "methods": [m.value for m in input.methods],
                "filedAt": input.filed_at,
                "completedAt": input.completed_at,
                "note": input.note,
            },
        )
        ctx = info.context
        lifted = await lifecycle.approve_repair(
            ctx.executor, ctx.principal, data, today=date.today()
        )
        return RepairResult(
            repair_id=strawberry.ID(lifted.record_id or ""),
            removal=await _removal(info, lifted.removal, data.entryId),
        )

    @strawberry.mutation(
        description="The basis of a listing was revoked, found void or changed: remove the entry "
        "and end what derives from it (P13). Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT."
    )
    async def revoke_basis(self, info: Info[Context, None], input: RevocationInput) -> Removal:
        data = validated(
            RevocationIn,
            {"entryId": str(input.entry_id), "reason": input.reason, "revokedAt": input.revoked_at},
        )
        ctx = info.context
        lifted = await lifecycle.revoke_basis(ctx.executor, ctx.principal, data, today=date.today())
        return await _removal(info, lifted.removal, data.entryId)

    @strawberry.mutation(
        description="Apply a published catalogue measure to a subject because of an entry. "
        "Unpublished or unknown measures, measures the list does not allow, entries not in "
        "force and unrelated subjects are refused with RULE_REFUSED and nothing is written (the "
        "attempt is logged, P21). Errors: BAD_USER_INPUT, NOT_FOUND, RULE_REFUSED."
    )
    async def apply_measure(
        self, info: Info[Context, None], input: MeasureApplicationInput
    ) -> MeasureApplication:
        data = validated(
            ApplicationIn,
            {
                "measureCode": input.measure_code,
                "subjectId": str(input.subject_id),
                "entryId": str(input.entry_id),
                "authorityId": str(input.authority_id),
                "appliedAt": input.applied_at,
                "businessItem": input.business_item,
            },
        )
        ctx = info.context
        application_id = await applications.apply_measure(
            ctx.executor,
            ctx.principal,
            data,
            today=date.today(),
            feedback_due_days=ctx.settings.feedback_due_days,
        )
        return await _application(info, application_id)

    @strawberry.mutation(
        description="Submit feedback on a measure application. "
        "Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT."
    )
    async def submit_feedback(
        self, info: Info[Context, None], input: FeedbackInput
    ) -> MeasureApplication:
        data = validated(
            FeedbackIn,
            {
                "applicationId": str(input.application_id),
                "outcome": input.outcome,
                "submittedAt": input.submitted_at,
            },
        )
        ctx = info.context
        await applications.submit_feedback(ctx.executor, ctx.principal, data, today=date.today())
        return await _application(info, data.applicationId)
