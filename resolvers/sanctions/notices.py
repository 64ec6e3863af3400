"""GraphQL for the notifications rules send with a listing (P4, P5) and their handling results.

`notices` is the officers' board (filter by subject, status, recipient, or overdue on a day);
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
    "files). Never a sanction."
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
        overdue_on=f.overdue_on,
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
