"""GraphQL types for credit records (an interface with a type per record kind) and list entries."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from api.context import Context
from graph.executor import Record
from resolvers.enums import (
    CommitmentStatus,
    ListStatus,
    ListType,
    PenaltyKind,
    RecordStatus,
    RecordType,
)


@strawberry.type(description="An authority (department) that issues records and decisions.")
class AuthorityRef:
    id: strawberry.ID = strawberry.field(description="Authority id.")
    name: str | None = strawberry.field(description="Name of the authority.")


def _authority(row: Record) -> AuthorityRef | None:
    if row.get("authorityId") is None:
        return None
    return AuthorityRef(id=strawberry.ID(row["authorityId"]), name=row.get("authorityName"))


@strawberry.interface(description="A credit record of a subject (docs/domain.md §3.1 envelope).")
class CreditRecord:
    id: strawberry.ID = strawberry.field(description="Record id (from the providing system).")
    record_type: RecordType = strawberry.field(description="Kind of record.")
    title: str | None = strawberry.field(description="Short description of the act.")
    decision_no: str | None = strawberry.field(description="Number of the decision document.")
    decision_date: date | None = strawberry.field(description="Date of the decision.")
    published_at: date | None = strawberry.field(description="Date the record was published.")
    publication_end: date | None = strawberry.field(description="End of the publication period.")
    legal_basis: str | None = strawberry.field(description="Legal basis cited by the decision.")
    domain: str | None = strawberry.field(description="Regulatory domain (sector).")
    status: RecordStatus | None = strawberry.field(description="Lifecycle state.")
    authority: AuthorityRef | None = strawberry.field(description="Issuing authority.")


@strawberry.type(description="Administrative licence (行政许可).")
class AdminLicense(CreditRecord):
    pass


@strawberry.type(description="Administrative penalty (行政处罚).")
class AdminPenalty(CreditRecord):
    procedure: str | None = strawberry.field(
        description="SIMPLE or GENERAL; simple-procedure penalties are not credit information."
    )
    penalty_kind: PenaltyKind | None = strawberry.field(description="Kind of penalty.")
    severity: str | None = strawberry.field(description="MINOR_EXEMPT, GENERAL or SERIOUS.")


@strawberry.type(description="Other administrative act, e.g. compulsory enforcement (行政强制).")
class AdminAction(CreditRecord):
    pass


@strawberry.type(description="Judgment or enforcement information (司法裁判及执行).")
class JudicialRecord(CreditRecord):
    pass


@strawberry.type(description="Arrears of taxes, contributions, fees or payments (欠缴).")
class ArrearsRecord(CreditRecord):
    arrears_kind: str | None = strawberry.field(description="What is owed (TAX, MIGRANT_WAGES…).")
    amount: float | None = strawberry.field(description="Amount owed, in yuan.")


@strawberry.type(description="Contract breach (合同违约).")
class ContractBreach(CreditRecord):
    pass


@strawberry.type(description="Credit commitment and its performance (信用承诺).")
class CommitmentRecord(CreditRecord):
    commitment_status: CommitmentStatus | None = strawberry.field(
        description="Whether the commitment was kept; VIOLATED or FALSE puts the subject under "
        "key supervision without further commitments (P7)."
    )


@strawberry.type(description="Honour, volunteering or charity: positive information.")
class HonorRecord(CreditRecord):
    pass


@strawberry.type(description="Reminder or warning interview (约谈记录).")
class InterviewRecord(CreditRecord):
    pass


@strawberry.type(
    description="A person's own dishonesty entry, written when punishment reaches them."
)
class PersonDishonestyRecord(CreditRecord):
    pass


RECORD_CLASSES: dict[str, type[CreditRecord]] = {
    "ADMIN_LICENSE": AdminLicense,
    "ADMIN_PENALTY": AdminPenalty,
    "ADMIN_ACTION": AdminAction,
    "JUDICIAL": JudicialRecord,
    "ARREARS": ArrearsRecord,
    "CONTRACT_BREACH": ContractBreach,
    "COMMITMENT": CommitmentRecord,
    "HONOR": HonorRecord,
    "INTERVIEW": InterviewRecord,
    "PERSON_DISHONESTY": PersonDishonestyRecord,
}


def _enum(enum: Any, value: Any) -> Any:
    return None if value is None else enum(value)


def record_from_row(row: Record) -> CreditRecord:
    cls = RECORD_CLASSES[row["recordType"]]
    common: dict[str, Any] = {
        "id": strawberry.ID(row["recordId"]),
        "record_type": RecordType(row["recordType"]),
        "title": row.get("title"),
        "decision_no": row.get("decisionNo"),
        "decision_date": row.get("decisionDate"),
        "published_at": row.get("publishedAt"),
        "publication_end": row.get("publicationEnd"),
        "legal_basis": row.get("legalBasis"),
        "domain": row.get("domain"),
        "status": _enum(RecordStatus, row.get("status")),
        "authority": _authority(row),
    }
    if cls is AdminPenalty:
        common |= {
            "procedure": row.get("procedure"),
            "penalty_kind": _enum(PenaltyKind, row.get("penaltyKind")),
            "severity": row.get("severity"),
        }
    elif cls is ArrearsRecord:
        common |= {"arrears_kind": row.get("arrearsKind"), "amount": row.get("amount")}
    elif cls is CommitmentRecord:
        common |= {"commitment_status": _enum(CommitmentStatus, row.get("commitmentStatus"))}
    return cls(**common)


@strawberry.type(description="An entry on a list (名单): the written decision and its period.")
class ListEntry:
    id: strawberry.ID = strawberry.field(description="Entry id.")
    list_type: ListType = strawberry.field(description="Which list.")
    status: ListStatus = strawberry.field(
        description="State; an active entry past `validUntil` is reported EXPIRED."
    )
    decision_no: str | None = strawberry.field(description="Number of the written decision.")
    decision_date: date | None = strawberry.field(description="Date of the decision.")
    reason: str | None = strawberry.field(description="Reason for the listing.")
    legal_basis: str | None = strawberry.field(description="Legal basis of the listing.")
    valid_from: date | None = strawberry.field(description="First day the listing counts.")
    valid_until: date | None = strawberry.field(description="Last day of the listing period.")
    removal_conditions: str | None = strawberry.field(description="Conditions for removal.")
    remedies: str | None = strawberry.field(description="Remedies open to the subject.")
    removal_reason: str | None = strawberry.field(description="Why the entry was removed.")
    authority: AuthorityRef | None = strawberry.field(description="Designating authority.")
    sid: strawberry.Private[str | None] = None  # the listed subject's id, when the reader knew it

    @strawberry.field(
        description="The listed subject (信用主体). Null only for an entry whose subject is gone."
    )
    async def subject(
        self, info: Info[Context, None]
    ) -> Annotated[Subject, strawberry.lazy("resolvers.subjects.types")] | None:
        from resolvers.subjects.types import subject_from_row

        loaders = info.context.loaders
        if self.sid is not None:
            row = await loaders.subject.load(self.sid)
        else:
            row = await loaders.entry_subject.load(str(self.id))
        return subject_from_row(row) if row is not None else None


def list_entry_from_row(row: Record, sid: str | None = None) -> ListEntry:
    return ListEntry(
        id=strawberry.ID(row["entryId"]),
        list_type=ListType(row["listType"]),
        status=ListStatus(row["status"]),
        decision_no=row.get("decisionNo"),
        decision_date=row.get("decisionDate"),
        reason=row.get("reason"),
        legal_basis=row.get("legalBasis"),
        valid_from=row.get("validFrom"),
        valid_until=row.get("validUntil"),
        removal_conditions=row.get("removalConditions"),
        remedies=row.get("remedies"),
        removal_reason=row.get("removalReason"),
        authority=_authority(row),
        sid=sid,
    )


RECORD_TYPES: list[type] = list(RECORD_CLASSES.values())

if TYPE_CHECKING:
    from resolvers.subjects.types import Subject
