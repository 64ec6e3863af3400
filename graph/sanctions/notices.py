"""Notifications rules send with a listing (P4, P5: 002 HLJ Art.32) and their handling results.

The propagation engine writes them with the listing, in its transaction (graph/propagation/);
removal withdraws those still waiting. Here: reading them with filters (the officers' board of
overdue results, a subject's file) and recording a result, audited in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import Field

from graph import audit
from graph.audit import Principal
from graph.cypher import statement
from graph.errors import Conflict, NotFound
from graph.executor import Executor, Record, Tx
from graph.inputs import InputModel, Text
from graph.rules import RULES

# The recipient function of P20's pushes to the participating departments.
PARTICIPANT = next(name for name, r in RULES.recipients.items() if r.participants)

GET_NOTICES = statement("sanctions/get_notices")
COUNT_NOTICES = statement("sanctions/count_notices")
SET_NOTICE_RESULT = statement("sanctions/set_notice_result")
GET_NOTICE_STATUS = statement("sanctions/get_notice_status")
GET_FEEDBACK_BOARD = statement("sanctions/get_feedback_board")
OPERATION = "recordHandlingResult"


@dataclass(frozen=True)
class NoticeFilter:
    notice_id: str | None = None
    subject_sid: str | None = None
    statuses: tuple[str, ...] | None = None
    recipients: tuple[str, ...] | None = None
    authority_id: str | None = None
    overdue_on: date | None = None

    def params(self) -> dict[str, object]:
        return {
            "noticeId": self.notice_id,
            "subjectSid": self.subject_sid,
            "statuses": list(self.statuses) if self.statuses else None,
            "recipients": list(self.recipients) if self.recipients else None,
            "authorityId": self.authority_id,
            "overdueOn": self.overdue_on,
        }


class HandlingResultIn(InputModel):
    noticeId: str = Field(min_length=1, max_length=64)
    result: str = Field(min_length=1, max_length=2000)
    handledOn: date | None = None
    note: Text | None = None


async def notices(executor: Executor, f: NoticeFilter, *, skip: int, limit: int) -> list[Record]:
    return await executor.read(GET_NOTICES, skip=skip, limit=limit, **f.params())


async def notice(executor: Executor, notice_id: str) -> Record:
    rows = await notices(executor, NoticeFilter(notice_id=notice_id), skip=0, limit=1)
    if not rows:
        raise NotFound(f"no notification {notice_id}", field="noticeId")
    return rows[0]


async def count_notices(executor: Executor, f: NoticeFilter) -> int:
    row = await executor.read_one(COUNT_NOTICES, **f.params())
    return int(row["count"]) if row else 0


async def record_handling_result(
    executor: Executor, principal: Principal, data: HandlingResultIn, *, today: date
) -> str:
    """The notified body's result: the notification becomes HANDLED (once), audited with it."""

    async def work(tx: Tx) -> str:
        found = await tx.one(GET_NOTICE_STATUS, noticeId=data.noticeId)
        if found is None:
            raise NotFound(f"no notification {data.noticeId}", field="noticeId")
        if found["dueOn"] is None:
            raise Conflict(f"{data.noticeId} is a reminder: it waits for no result", status="SENT")
        if found["status"] != "SENT":
            raise Conflict(
                f"notification {data.noticeId} is {found['status']}", status=found["status"]
            )
        await tx.run(
            SET_NOTICE_RESULT,
            noticeId=data.noticeId,
            result=data.result,
            handledOn=data.handledOn or today,
        )
        await audit.record_event(tx, principal, OPERATION, data.model_dump(), [data.noticeId])
        return data.noticeId

    return await executor.unit(work, name=OPERATION)


async def feedback_board(executor: Executor, *, as_of: date) -> list[Record]:
    """P20's pushes per participating department on `as_of`: pushed, answered, waiting, overdue."""
    return await executor.read(GET_FEEDBACK_BOARD, recipient=PARTICIPANT, asOf=as_of)
