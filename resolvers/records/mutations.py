"""Mutations on credit records: record one, validated and written like an imported record row.

A record a sanction rule starts from (a violated or false commitment: P7; an SOE's arrears: P3)
is propagated, and the mutation audited, in the record's own transaction (graph/importer/writes.py).
"""

from __future__ import annotations

from datetime import date

import strawberry
from strawberry.types import Info

from api.context import Context
from graph.importer import writes
from graph.inputs import RecordIn, validated
from resolvers.enums import (
    ArrearsKind,
    CommitmentStatus,
    PenaltyKind,
    Procedure,
    RecordStatus,
    RecordType,
    Severity,
)


@strawberry.input(description="A credit record about one subject, keyed by recordId.")
class CreditRecordInput:
    record_id: str = strawberry.field(description="The record's id in the providing system.")
    record_type: RecordType = strawberry.field(
        description="Record type (derived types such as PERSON_DISHONESTY are refused)."
    )
    subject_id: strawberry.ID = strawberry.field(
        description="The subject's public id: a USCC or a person id."
    )
    decision_date: date = strawberry.field(description="Date of the decision.")
    authority_id: str | None = strawberry.field(
        default=None, description="The issuing authority's id."
    )
    decision_no: str | None = strawberry.field(default=None, description="Decision number.")
    published_at: date | None = strawberry.field(default=None, description="Publication date.")
    publication_end: date | None = strawberry.field(
        default=None, description="Last day of publication (HLJ Art.37)."
    )
    legal_basis: str | None = strawberry.field(default=None, description="Legal basis.")
    domain: str | None = strawberry.field(default=None, description="Regulatory domain.")
    severity: Severity | None = strawberry.field(default=None, description="Severity of the act.")
    procedure: Procedure | None = strawberry.field(
        default=None, description="Penalty procedure (ADMIN_PENALTY only)."
    )
    penalty_kind: PenaltyKind | None = strawberry.field(
        default=None, description="Penalty kind (ADMIN_PENALTY only)."
    )
    arrears_kind: ArrearsKind | None = strawberry.field(
        default=None, description="What is in arrears (ARREARS only)."
    )
    commitment_status: CommitmentStatus | None = strawberry.field(
        default=None,
        description="Whether the commitment was kept (COMMITMENT only); VIOLATED or FALSE starts "
        "P7 at once.",
    )
    amount: float | None = strawberry.field(default=None, description="Amount in yuan, >= 0.")
    status: RecordStatus | None = strawberry.field(
        default=None, description="Lifecycle state; a new record defaults to PUBLISHED."
    )
    title: str | None = strawberry.field(default=None, description="Short title.")


@strawberry.type(description="Result of recordCreditRecord.")
class CreditRecordWrite:
    record_id: str = strawberry.field(description="The record's id.")
    created: bool = strawberry.field(description="True if the record did not exist before.")


def _value(member: object | None) -> object | None:
    return getattr(member, "value", None)


@strawberry.type
class RecordMutations:
    @strawberry.mutation(
        description="Create or update a credit record for a subject. A record a sanction rule "
        "starts from (a VIOLATED or FALSE commitment: P7; an SOE's arrears to SMEs or migrant "
        "workers: P3) takes effect in the same change, and a record that stops qualifying ends "
        "what it started. Errors: BAD_USER_INPUT, NOT_FOUND (subject or authority), CONFLICT "
        "(the id is stored under another type)."
    )
    async def record_credit_record(
        self, info: Info[Context, None], input: CreditRecordInput
    ) -> CreditRecordWrite:
        data = validated(
            RecordIn,
            {
                "recordId": input.record_id,
                "recordType": input.record_type.value,
                "subjectId": str(input.subject_id),
                "authorityId": input.authority_id,
                "decisionNo": input.decision_no,
                "decisionDate": input.decision_date,
                "publishedAt": input.published_at,
                "publicationEnd": input.publication_end,
                "legalBasis": input.legal_basis,
                "domain": input.domain,
                "severity": _value(input.severity),
                "procedure": _value(input.procedure),
                "penaltyKind": _value(input.penalty_kind),
                "arrearsKind": _value(input.arrears_kind),
                "commitmentStatus": _value(input.commitment_status),
                "amount": input.amount,
                "status": _value(input.status),
                "title": input.title,
            },
        )
        written = await writes.write_one(
            info.context.executor, data, by=info.context.principal, operation="recordCreditRecord"
        )
        return CreditRecordWrite(record_id=data.recordId, created=written.created)
