"""The audit trail: the one place that writes `(:AuditEvent)` nodes (DOMAIN.md §8.6).

An event records who (principal id and role), the purpose they stated, what (operation, affected
ids, and for a read of personal data the fields read), when, and the id of the HTTP request it
served (graph/correlation.py; none for CLI work), which leads to that request's log lines. Every
change writes its event inside its own transaction (`record_event`), so a change and its audit event
commit or vanish together: a change that cannot be audited does not happen. The input is kept only
as a sha256 digest of its canonical JSON, with ID numbers left out (`redacted`): the trail can prove
what was asked without holding personal data (002 HLJ Art.23). A request a rule or the permission
check refused is logged in a transaction of its own, since the refused change itself writes nothing;
so are the reads of personal data of one request (`record_reads`).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any, Protocol

from pydantic import BaseModel

from graph.correlation import current_request_id
from graph.cypher import statement
from graph.executor import Executor, Record, Tx
from graph.identifiers import PersonKey

CREATE_AUDIT_EVENT = statement("audit/create_audit_event")
GET_AUDIT_EVENTS = statement("audit/get_audit_events")
SEARCH_AUDIT_EVENTS = statement("audit/search_audit_events")
COUNT_AUDIT_EVENTS = statement("audit/count_audit_events")

OK = "OK"
REFUSED = "REFUSED"
READ_PERSONAL_DATA = "readPersonalData"
REDACTED = "[redacted]"
# Input fields whose values never enter a digest: a digest of an ID number, or of an input holding
# one, could be reversed by enumerating the plausible numbers. The event names the person id.
SECRET_FIELDS = frozenset(
    {"idNumber", "holderIdNumber", "subjectIdNumber", "debtResponsibleIdNumbers"}
)


class Principal(Protocol):
    """Who acts: `api.auth.Principal` satisfies this, and so does `Actor`."""

    @property
    def id(self) -> str: ...

    @property
    def role(self) -> str: ...

    @property
    def purpose(self) -> str | None: ...


@dataclass(frozen=True)
class Actor:
    """A principal for work that runs outside a request (CLI commands, benchmarks)."""

    id: str
    role: str = "system"
    purpose: str | None = None


def new_event_id() -> str:
    return "AE" + uuid.uuid4().hex


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [_plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    return value


def redacted(data: Any) -> Any:
    """`data` (mappings, lists, validated input models) with every ID number replaced by
    `REDACTED`, ready for `input_digest`. A model is taken field by field under its input names."""
    if isinstance(data, BaseModel):
        fields = type(data).model_fields
        data = {info.alias or name: getattr(data, name) for name, info in fields.items()}
    if isinstance(data, PersonKey):
        return REDACTED
    if isinstance(data, Mapping):
        return {
            k: REDACTED if k in SECRET_FIELDS and v is not None else redacted(v)
            for k, v in data.items()
        }
    if isinstance(data, list | tuple):
        return [redacted(v) for v in data]
    return data


def input_digest(data: Any) -> str:
    """sha256 of the canonical JSON of `data` (sorted keys, no spaces, ISO dates)."""
    text = json.dumps(_plain(data), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


async def record_event(
    tx: Tx,
    principal: Principal,
    operation: str,
    data: Any,
    affected_ids: Iterable[str],
    *,
    outcome: str = OK,
    detail: str | None = None,
    fields: Iterable[str] = (),
) -> str:
    """Write one audit event in `tx`; returns its id. `data` is digested without its ID numbers."""
    event_id = new_event_id()
    await tx.run(
        CREATE_AUDIT_EVENT,
        eventId=event_id,
        at=datetime.now(UTC),
        actor=principal.id,
        role=str(principal.role),
        purpose=principal.purpose,
        operation=operation,
        outcome=outcome,
        inputDigest=input_digest(redacted(data)),
        affectedIds=sorted(set(affected_ids)),
        fields=sorted(set(fields)),
        detail=detail,
        requestId=current_request_id(),
    )
    return event_id


async def record_refusal(
    executor: Executor,
    principal: Principal,
    operation: str,
    data: Any,
    affected_ids: Iterable[str],
    reason: str,
) -> str:
    """Log a refused attempt in its own transaction (the refused change wrote nothing)."""
    ids = list(affected_ids)

    async def work(tx: Tx) -> str:
        return await record_event(
            tx, principal, operation, data, ids, outcome=REFUSED, detail=reason
        )

    return await executor.unit(work, name=f"audit-refusal:{operation}")


async def record_reads(
    executor: Executor, principal: Principal, person_ids: Iterable[str], fields: Iterable[str]
) -> str:
    """Log one request's reads of personal data (DOMAIN.md §8.6): one event for all persons."""
    ids = sorted(set(person_ids))
    read = sorted(set(fields))

    async def work(tx: Tx) -> str:
        data = {"persons": ids, "fields": read}
        return await record_event(tx, principal, READ_PERSONAL_DATA, data, ids, fields=read)

    return await executor.unit(work, name="audit:readPersonalData")


@dataclass(frozen=True)
class EventFilter:
    """Which events `search_events` returns (every field optional)."""

    operation: str | None = None
    actor: str | None = None
    start: datetime | None = None
    end: datetime | None = None

    def params(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "actor": self.actor,
            "from": self.start,
            "to": self.end,
        }


async def search_events(
    executor: Executor, where: EventFilter, skip: int, limit: int
) -> list[Record]:
    """One page of events, newest first."""
    return await executor.read(SEARCH_AUDIT_EVENTS, skip=skip, limit=limit, **where.params())


async def count_events(executor: Executor, where: EventFilter) -> int:
    row = await executor.read_one(COUNT_AUDIT_EVENTS, **where.params())
    return int(row["total"]) if row else 0


async def events_for(executor: Executor, ids: Sequence[str], limit: int = 100) -> list[Record]:
    """Audit events that touched any of `ids`, newest first."""
    return await executor.read(GET_AUDIT_EVENTS, ids=list(ids), limit=limit)
