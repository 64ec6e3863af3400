"""GraphQL type of an audit event (graph/audit.py)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.extensions.cost import cost_hint
from graph.executor import Record


@strawberry.type(
    description="One audit event (docs/domain.md §8.6): who, in which role, for which stated "
    "purpose, did what to which ids, and when. Inputs are kept only as a digest, never as data."
)
class AuditEvent:
    id: strawberry.ID = strawberry.field(description="Event id.")
    at: datetime = strawberry.field(description="When it happened (UTC).")
    actor: str = strawberry.field(description="The principal's id (the token's subject).")
    role: str = strawberry.field(description="The principal's role then.")
    purpose: str | None = strawberry.field(description="The purpose stated (X-Purpose), if any.")
    operation: str = strawberry.field(
        description="The mutation or command, or readPersonalData for reads of personal data."
    )
    outcome: str = strawberry.field(description="OK, or REFUSED when a rule refused it.")
    input_digest: str = strawberry.field(description="sha256 of the canonical input JSON.")
    affected_ids: list[str] = strawberry.field(
        description="Ids created, changed or read.", metadata=cost_hint(multiplier=10)
    )
    fields: list[str] = strawberry.field(
        description="Protected fields read (reads of personal data).",
        metadata=cost_hint(multiplier=6),
    )
    detail: str | None = strawberry.field(description="A short non-personal note, if any.")
    request_id: str | None = strawberry.field(
        description="The id of the HTTP request that wrote it (its X-Request-ID, also in the "
        "service's log lines); null for work done from the command line."
    )

    @classmethod
    def from_row(cls, row: Record) -> AuditEvent:
        at = row["at"]
        return cls(
            id=strawberry.ID(row["eventId"]),
            at=at.to_native() if hasattr(at, "to_native") else at,
            actor=row["actor"],
            role=row["role"],
            purpose=row.get("purpose"),
            operation=row["operation"],
            outcome=row["outcome"],
            input_digest=row["inputDigest"],
            affected_ids=list(row.get("affectedIds") or []),
            fields=list(row.get("fields") or []),
            detail=row.get("detail"),
            request_id=row.get("requestId"),
        )
