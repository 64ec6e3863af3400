"""The audit trail: the one place that writes `(:AuditEvent)` nodes (DOMAIN.md §8.6).

An event is written inside the caller's transaction, so a change and its audit event commit or
vanish together. The input is kept only as a sha256 digest of its canonical JSON: the trail can
prove what was asked without holding personal data (002 HLJ Art.23). A request a rule refused
(P21: an unpublished measure) is logged in a transaction of its own, since the refused change
itself writes nothing.
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

from graph.cypher import statement
from graph.executor import Executor, Record, Tx

CREATE_AUDIT_EVENT = statement("audit/create_audit_event")
GET_AUDIT_EVENTS = statement("audit/get_audit_events")

OK = "OK"
REFUSED = "REFUSED"


class Principal(Protocol):
    """Who acts: `api.context.Principal` satisfies this, and so does `Actor`."""

    @property
    def id(self) -> str: ...

    @property
    def role(self) -> str: ...


@dataclass(frozen=True)
class Actor:
    """A principal for work that runs outside a request (CLI commands, benchmarks)."""

    id: str
    role: str = "system"


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
) -> str:
    """Write one audit event in `tx`; returns its id."""
    event_id = "AE" + uuid.uuid4().hex
    await tx.run(
        CREATE_AUDIT_EVENT,
        eventId=event_id,
        at=datetime.now(UTC),
        actor=principal.id,
        role=principal.role,
        operation=operation,
        outcome=outcome,
        inputDigest=input_digest(data),
        affectedIds=sorted(set(affected_ids)),
        detail=detail,
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


async def events_for(executor: Executor, ids: Sequence[str], limit: int = 100) -> list[Record]:
    """Audit events that touched any of `ids`, newest first."""
    return await executor.read(GET_AUDIT_EVENTS, ids=list(ids), limit=limit)
