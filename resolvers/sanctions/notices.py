"""GraphQL for the notifications rules send (P4, P5, P16–P18, P20) and their handling results.

`notices` is the officers' board (filter by subject, status, recipient, authority, or overdue on
a day); `feedbackBoard` counts P20's pushes per participating department (the FEEDBACK_OVERDUE
mark is computed for the day asked, never stored, so it cannot go stale);
`recordHandlingResult` records what a notified body decided. Reading and writing live in
graph/sanctions/notices.py; the texts in graph/explain/.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from api.context import Context
from api.pagination import Connection, build, window
from graph.executor import Record
from graph.explain.citations import cite
from graph.explain.sentences import notice_text
from graph.inputs import validated
from graph.rules import RULES
from graph.sanctions import notices as store
from resolvers.language import LANG_ARG, Lang
from resolvers.sanctions.queries import _sid


@strawberry.enum(description="Who a notification goes to (002 HLJ Art.32).")
class NoticeRecipient(Enum):
    SUPERIOR = "SUPERIOR"
    AUDIT = "AUDIT"
    EMPLOYER = "EMPLOYER"
    DISCIPLINE = "DISCIPLINE"
    PERSONNEL = "PERSONNEL"
    SUBJECT = "SUBJECT"
    PRACTITIONER_FILE = "PRACTITIONER_FILE"
    MEMBER_FILE = "MEMBER_FILE"
    PARTICIPANT = "PARTICIPANT"


@strawberry.enum(description="A supervision mark on an authority (a dashboard aid, no sanction).")
class AuthorityMark(Enum):
    FEEDBACK_OVERDUE = strawberry.enum_value(
        "FEEDBACK_OVERDUE",
        description="A pushed entry is still without the department's feedback after the "
        "feedback period (P20; 001 item 8, 002 AHEM §3(3), 002 HN §8).",
    )


@strawberry.enum(description="State of a notification.")
class NoticeStatus(Enum):
    SENT = "SENT"
    HANDLED = "HANDLED"
    WITHDRAWN = "WITHDRAWN"


@strawberry.type(
    description="A notification a rule sent (P4: the superior body and audit of a listed state "
    "body; P5: the employer, discipline body and personnel department of listed public staff, "
    "each awaiting the handling result the seed requires; P16: a reminder to the subject of a "
    "minor one-off act, exempt from constraint and punishment; P17: a financial organisation's "
    "credit event linked to its directors', supervisors' and senior managers' practitioner "
    "files; P18: a serious dishonest member written into its association's member credit file, "
    "awaiting the association's industry measure; P20: a new serious-list entry pushed to a "
    "department taking part in joint punishment, awaiting its feedback). Never a sanction."
)
class Notice:
    id: strawberry.ID = strawberry.field(description="Notification id (deterministic).")
    rule_id: str = strawberry.field(description="The rule that sent it.")
    legal_basis: str = strawberry.field(description="Short citation of the legal basis.")
    recipient: NoticeRecipient = strawberry.field(description="Who it goes to, by function.")
    recipient_id: strawberry.ID | None = strawberry.field(
        description="The recipient organisation's USCC, when it is in the graph (the employer)."
    )
    recipient_name: str | None = strawberry.field(description="Its name, when in the graph.")
    authority_id: strawberry.ID | None = strawberry.field(
        description="The recipient authority, for a push to a participating department (P20)."
    )
    application_id: strawberry.ID | None = strawberry.field(
        description="The measure application whose feedback answered the push (P20)."
    )
    source_id: strawberry.ID = strawberry.field(description="The list entry or record it is about.")
    source_kind: str = strawberry.field(description="LIST_ENTRY or RECORD.")
    source_type: str | None = strawberry.field(description="List type or record type.")
    subject_id: strawberry.ID = strawberry.field(description="The listed subject.")
    subject_name: str | None = strawberry.field(description="Its name.")
    sent_on: date = strawberry.field(description="Day it was sent (the listing's propagation).")
    due_on: date | None = strawberry.field(
        description="Day the handling result is due; null for a reminder (it waits for none)."
    )
    status: NoticeStatus = strawberry.field(description="SENT, HANDLED or WITHDRAWN.")
    handled_on: date | None = strawberry.field(description="Day the result arrived.")
    result: str | None = strawberry.field(description="The result, in the body's words.")
    ended_on: date | None = strawberry.field(description="Day it was withdrawn.")
    end_reason: str | None = strawberry.field(description="Why it was withdrawn.")
    row: strawberry.Private[Record]

    @strawberry.field(description="Still waiting for its result after the due day (`asOf`).")
    def overdue(self, as_of: date | None = None) -> bool:
        due = self.due_on
        return (
            self.status is NoticeStatus.SENT and due is not None and due < (as_of or date.today())
        )

    @strawberry.field(description="The recipient's function in words.")
    def recipient_text(self, lang: Annotated[Lang, LANG_ARG] = Lang.ZH) -> str:
        found = RULES.recipients[self.recipient.value]
        return found.zh if lang is Lang.ZH else found.en

    @strawberry.field(description="The legal basis by document title and article.")
    def legal_basis_text(self, lang: Annotated[Lang, LANG_ARG] = Lang.ZH) -> str:
        return cite(self.legal_basis, lang)

    @strawberry.field(description="The notification in words: who is told what, and why.")
    def text(self, lang: Annotated[Lang, LANG_ARG] = Lang.ZH) -> str:
        return notice_text(self.row, lang)

    @classmethod
    def from_row(cls, row: Record) -> Notice:
        return cls(
            id=strawberry.ID(row["noticeId"]),
            rule_id=row["ruleId"],
            legal_basis=row["legalBasis"],
            recipient=NoticeRecipient(row["recipient"]),
            recipient_id=strawberry.ID(row["recipientSid"]) if row.get("recipientSid") else None,
            recipient_name=row.get("recipientName"),
            authority_id=strawberry.ID(row["authorityId"]) if row.get("authorityId") else None,
            application_id=(
                strawberry.ID(row["applicationId"]) if row.get("applicationId") else None
            ),
            source_id=strawberry.ID(row["sourceId"]),
            source_kind=row["sourceKind"],
            source_type=row.get("sourceType"),
            subject_id=strawberry.ID(row["subjectSid"]),
            subject_name=row.get("subjectName"),
            sent_on=row["sentOn"],
            due_on=row["dueOn"],
            status=NoticeStatus(row["status"]),
            handled_on=row.get("handledOn"),
            result=row.get("result"),
            ended_on=row.get("endedAt"),
            end_reason=row.get("endReason"),
            row=row,
        )


@strawberry.input(
    description="Which notifications `notices` returns; every filter given must hold."
)
class NoticeFilter:
    subject_id: strawberry.ID | None = strawberry.field(
        default=None, description="The listed subject (USCC or person id)."
    )
    status: list[NoticeStatus] | None = strawberry.field(default=None, description="States.")
    recipient: list[NoticeRecipient] | None = strawberry.field(
        default=None, description="Recipients by function."
    )
    authority_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only the pushes to this authority (P20)."
    )
    overdue_on: date | None = strawberry.field(
        default=None, description="Only those still waiting after their due day, on this day."
    )


@strawberry.input(description="The handling result a notified body reported.")
class HandlingResultInput:
    notice_id: strawberry.ID = strawberry.field(description="The notification.")
    result: str = strawberry.field(description="What was decided (处理结果).")
    handled_on: date | None = strawberry.field(default=None, description="Day (today).")


def _filter(f: NoticeFilter | None) -> store.NoticeFilter:
    if f is None:
        return store.NoticeFilter()
    sid = _sid(str(f.subject_id)) if f.subject_id is not None else None
    return store.NoticeFilter(
        subject_sid=sid,
        statuses=tuple(s.value for s in f.status) if f.status else None,
        recipients=tuple(r.value for r in f.recipient) if f.recipient else None,
        authority_id=str(f.authority_id) if f.authority_id is not None else None,
        overdue_on=f.overdue_on,
    )


@strawberry.type(
    description="One participating department on the joint-punishment feedback board (P20): "
    "the serious-list entries pushed to it and how many it has answered."
)
class FeedbackBoardRow:
    authority_id: strawberry.ID = strawberry.field(description="The department.")
    name: str = strawberry.field(description="Its name.")
    participates_in: list[str] = strawberry.field(description="The lists it takes part in.")
    pushed: int = strawberry.field(description="Entries pushed to it (withdrawn ones excluded).")
    answered: int = strawberry.field(description="Pushes answered with feedback or a result.")
    waiting: int = strawberry.field(description="Pushes waiting, not yet due.")
    overdue: int = strawberry.field(description="Pushes waiting after their due day.")
    marks: list[AuthorityMark] = strawberry.field(
        description="FEEDBACK_OVERDUE while `overdue` > 0, on the day asked."
    )


@strawberry.type
class NoticeQueries:
    @strawberry.field(
        description="Notifications sent with listings (P4, P5), newest first: the officers' "
        "board of results due (`filter: {overdueOn}`) or a subject's file. "
        "Errors: BAD_USER_INPUT, LIMIT_EXCEEDED."
    )
    async def notices(
        self,
        info: Info[Context, None],
        filter: NoticeFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Notice]:
        win = window(first, after, info.context.settings.max_page_size)
        found = _filter(filter)
        executor = info.context.executor
        rows = await store.notices(executor, found, skip=win.skip, limit=win.limit)

        async def count() -> int:
            return await store.count_notices(executor, found)

        return build([Notice.from_row(r) for r in rows], win, count=count)

    @strawberry.field(
        description="The joint-punishment feedback board (P20; 001 item 8): each department "
        "taking part in a list, the entries pushed to it and its feedback received, waiting or "
        "overdue on `asOf` (default today), most overdue first. Errors: BAD_USER_INPUT."
    )
    async def feedback_board(
        self, info: Info[Context, None], as_of: date | None = None
    ) -> list[FeedbackBoardRow]:
        rows = await store.feedback_board(info.context.executor, as_of=as_of or date.today())
        return [
            FeedbackBoardRow(
                authority_id=strawberry.ID(r["authorityId"]),
                name=r["name"],
                participates_in=list(r["participatesIn"]),
                pushed=r["pushed"],
                answered=r["answered"],
                waiting=r["waiting"],
                overdue=r["overdue"],
                marks=[AuthorityMark.FEEDBACK_OVERDUE] if r["overdue"] else [],
            )
            for r in rows
        ]


@strawberry.type
class NoticeMutations:
    @strawberry.mutation(
        description="Record the handling result a notified body reported; the notification "
        "becomes HANDLED. Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT (not waiting)."
    )
    async def record_handling_result(
        self, info: Info[Context, None], input: HandlingResultInput
    ) -> Notice:
        data = validated(
            store.HandlingResultIn,
            {
                "noticeId": str(input.notice_id),
                "result": input.result,
                "handledOn": input.handled_on,
            },
        )
        ctx = info.context
        nid = await store.record_handling_result(
            ctx.executor, ctx.principal, data, today=date.today()
        )
        row = await store.notice(ctx.executor, nid)
        return Notice.from_row(row)
