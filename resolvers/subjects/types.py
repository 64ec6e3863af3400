"""GraphQL types for subjects and role edges."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry
from strawberry.types import Info

from api.context import Context
from graph.executor import Record


@strawberry.type(description="A natural person as others may see them: name and masked ID only.")
class PersonRef:
    id: strawberry.ID = strawberry.field(
        description="Public person id (derived from a keyed hash)."
    )
    name: str | None = strawberry.field(description="Name of the person.")
    id_masked: str | None = strawberry.field(
        description="Masked ID number, e.g. 1101**********1234; the full number is never stored."
    )


@strawberry.type(description="A person holding a role in an organisation, with the role's dates.")
class RoleHolder:
    person: PersonRef = strawberry.field(description="The person holding the role.")
    from_: date | None = strawberry.field(name="from", description="First day of the role.")
    to: date | None = strawberry.field(description="Last day of the role; null while current.")

    @strawberry.field(description="Shortcut for person.name.")
    def name(self) -> str | None:
        return self.person.name

    @classmethod
    def from_row(cls, row: Record) -> RoleHolder:
        person = PersonRef(
            id=strawberry.ID(row["pid"]), name=row["name"], id_masked=row["idMasked"]
        )
        return cls(person=person, from_=row["from"], to=row["to"])


@strawberry.type(description="An enterprise (market subject) identified by its USCC.")
class Enterprise:
    uscc: str = strawberry.field(description="Unified social credit code (GB 32100, 18 chars).")
    name: str = strawberry.field(description="Registered name.")
    region: str | None = strawberry.field(description="Registered region / district.")
    industry: str | None = strawberry.field(description="Industry code.")
    is_soe: bool | None = strawberry.field(description="State-owned enterprise.")

    @strawberry.field(
        description="Legal representatives; with `asOf`, those holding the role then."
    )
    async def legal_representatives(
        self, info: Info[Context, None], as_of: date | None = None
    ) -> list[RoleHolder]:
        rows = await info.context.loaders.legal_representatives.load((self.uscc, as_of))
        return [RoleHolder.from_row(r) for r in rows]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Enterprise:
        return cls(
            uscc=row["uscc"],
            name=row["name"],
            region=row.get("region"),
            industry=row.get("industry"),
            is_soe=row.get("isSOE"),
        )


@strawberry.type(description="Result of an upsert: the enterprise and whether it was new.")
class EnterpriseUpsert:
    enterprise: Enterprise = strawberry.field(description="The enterprise as stored.")
    created: bool = strawberry.field(description="True if the enterprise did not exist before.")
