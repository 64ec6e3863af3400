"""GraphQL types of watches and alerts. Subjects on an alert's path are loaded as any read is,
so the personal-data rules apply to alert content unchanged."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.types import Info

from api.context import Context
from api.pagination import encode_cursor
from graph.alerts.store import Alert as AlertData
from graph.alerts.watches import Watch as WatchData
from graph.network import Path
from resolvers.risk.types import TriageDecision
from resolvers.subjects.network import SubjectPath, path_from
from resolvers.subjects.types import Subject, subject_from_row


@strawberry.enum(description="What a watch follows.")
class AlertEventKind(Enum):
    LIST_ENTRY = "LIST_ENTRY"
    FLAG = "FLAG"
    RISK_INDICATOR = "RISK_INDICATOR"
    GRADE = "GRADE"
    ROLE = "ROLE"


@strawberry.enum(
    description="Whether the change added something, ended it, or (GRADE) moved it; a grade "
    "alert's `detail` is `before→after`."
)
class AlertChange(Enum):
    ADDED = "ADDED"
    REMOVED = "REMOVED"
    CHANGED = "CHANGED"


async def _subject(info: Info[Context, None], sid: str) -> Subject | None:
    row = await info.context.loaders.subject.load(sid)
    return subject_from_row(row) if row is not None else None


@strawberry.type(
    description="A watch: its owner follows a subject and what happens up to `radius` hops from it."
)
class Watch:
    id: strawberry.ID = strawberry.field(description="Watch id.")
    owner: str = strawberry.field(description="The token subject that owns it.")
    subject_id: strawberry.ID = strawberry.field(description="Public id of the watched subject.")
    radius: int = strawberry.field(description="Hops followed (0: the subject itself).")
    events: list[AlertEventKind] = strawberry.field(description="Event kinds followed.")
    note: str | None = strawberry.field(description="The owner's note.")
    created_at: datetime = strawberry.field(description="When it was created.")

    @strawberry.field(description="The watched subject (null if it no longer exists).")
    async def subject(self, info: Info[Context, None]) -> Subject | None:
        return await _subject(info, str(self.subject_id))

    @classmethod
    def of(cls, w: WatchData) -> Watch:
        return cls(
            id=strawberry.ID(w.watch_id),
            owner=w.owner,
            subject_id=strawberry.ID(w.sid),
            radius=w.radius,
            events=[AlertEventKind(k) for k in w.events],
            note=w.note,
            created_at=w.created_at,
        )


@strawberry.type(
    description="An alert: a change near a watched subject, with the path that explains it "
    "and the rule behind it. A sanction alert (LIST_ENTRY, FLAG) names its rule and legal "
    "basis; a RISK_INDICATOR or GRADE alert is analytics, never a punishment."
)
class Alert:
    data: strawberry.Private[AlertData]
    id: strawberry.ID = strawberry.field(description="Alert id (one per watch and event).")
    cursor: str = strawberry.field(
        description="Its place in the owner's alerts: pass it as `after` to resume."
    )
    watch_id: strawberry.ID = strawberry.field(description="The watch it was sent for.")
    event: AlertEventKind = strawberry.field(description="What kind of change.")
    change: AlertChange = strawberry.field(description="Added, or ended/removed.")
    subject_id: strawberry.ID = strawberry.field(description="Public id of the changed subject.")
    ref: str | None = strawberry.field(
        description="Id of what changed: the list entry, the flag, or (ROLE) the holder."
    )
    detail: str | None = strawberry.field(
        description="Its type: list type, flag type, or (ROLE) the role."
    )
    rule_id: str | None = strawberry.field(description="The rule that set a flag.")
    legal_basis: str | None = strawberry.field(description="Legal basis of the entry or flag.")
    source_id: strawberry.ID | None = strawberry.field(
        description="A flag's source: the listed subject it was extended from."
    )
    distance: int = strawberry.field(description="Hops from the watched subject.")
    occurred_at: datetime = strawberry.field(description="When the change committed.")
    created_at: datetime = strawberry.field(description="When the alert was written.")
    read: bool = strawberry.field(description="Marked read by its owner.")
    triage: TriageDecision | None = strawberry.field(
        description="Confirmed or dismissed by its owner (null: not yet)."
    )
    triage_reason: str | None = strawberry.field(description="The owner's reason.")
    triaged_at: datetime | None = strawberry.field(description="When it was triaged.")

    @strawberry.field(description="The changed subject (null if it no longer exists).")
    async def subject(self, info: Info[Context, None]) -> Subject | None:
        return await _subject(info, str(self.subject_id))

    @strawberry.field(
        description="From the watched subject to the changed one, with every relation and its "
        "dates, as the network stood when the alert was made (null if a subject on it is gone)."
    )
    async def path(self, info: Info[Context, None]) -> SubjectPath | None:
        rows = await info.context.loaders.subject.load_many(list(self.data.path_sids))
        if any(r is None for r in rows):
            return None
        return path_from(Path(nodes=tuple(r for r in rows if r is not None), hops=self.data.hops))

    @classmethod
    def of(cls, a: AlertData) -> Alert:
        return cls(
            data=a,
            id=strawberry.ID(a.alert_id),
            cursor=encode_cursor(a.seq),
            watch_id=strawberry.ID(a.watch_id),
            event=AlertEventKind(a.kind),
            change=AlertChange(a.change),
            subject_id=strawberry.ID(a.subject_sid),
            ref=a.ref,
            detail=a.detail,
            rule_id=a.rule_id,
            legal_basis=a.legal_basis,
            source_id=strawberry.ID(a.source_sid) if a.source_sid else None,
            distance=a.distance,
            occurred_at=a.occurred_at,
            created_at=a.created_at,
            read=a.read,
            triage=TriageDecision(a.triage) if a.triage else None,
            triage_reason=a.triage_reason,
            triaged_at=a.triaged_at,
        )


@strawberry.type(description="A page of alerts, in the order they were written.")
class AlertPage:
    nodes: list[Alert] = strawberry.field(description="The alerts.")
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last alert (pass as `after`); the given one on an empty page."
    )
    has_next_page: bool = strawberry.field(description="More alerts follow.")


@strawberry.type(description="What `markAlertsRead` did.")
class MarkedRead:
    marked: int = strawberry.field(description="Alerts newly marked read.")
