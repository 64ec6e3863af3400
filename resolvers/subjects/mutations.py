"""Mutations on subjects: enterprises, persons and the roles that connect them.

Persons, roles and role ends validate with the import's models (`graph.inputs`) and write through
the import's statements (`graph.importer.writes`), so the API accepts exactly what a feed may load.
Each service writes the mutation's audit event (the caller's principal) in the change's own
transaction; a role a sanction rule follows is propagated there too.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry
from strawberry.types import Info

from api.context import Context
from graph import subjects
from graph.importer import writes
from graph.inputs import EnterpriseIn, PersonIn, RoleEndIn, RoleIn, id_context, validated
from resolvers.enums import EmploymentPosition, IdType, RoleType
from resolvers.subjects.types import EnterpriseUpsert, organization_from_row


@strawberry.input(description="An enterprise to create or update, keyed by USCC.")
class EnterpriseInput:
    uscc: str = strawberry.field(description="USCC; validated with its check digit.")
    name: str = strawberry.field(description="Registered name.")
    region: str | None = strawberry.field(default=None, description="Region / district.")
    industry: str | None = strawberry.field(default=None, description="Industry code.")
    is_soe: bool | None = strawberry.field(default=None, description="State-owned enterprise.")


@strawberry.input(
    description="A natural person, keyed by ID number (hashed at once, never stored)."
)
class PersonInput:
    id_number: str = strawberry.field(
        description="Citizen ID number (GB 11643 check digit) or other valid ID document number."
    )
    id_type: IdType = strawberry.field(
        default=IdType.CITIZEN_ID, description="Kind of document behind `idNumber`."
    )
    name: str = strawberry.field(description="The person's name.")
    address: str | None = strawberry.field(
        default=None,
        description="Address (protected personal data: shown only as `personalData`, to "
        "personal-data roles stating a purpose).",
    )
    phone: str | None = strawberry.field(
        default=None, description="Phone number (protected personal data, like `address`)."
    )


@strawberry.type(description="Result of upsertPerson: public id and masked ID, never the number.")
class PersonUpsert:
    id: strawberry.ID = strawberry.field(description="Public person id (from the keyed hash).")
    id_masked: str = strawberry.field(description="Masked ID number, e.g. 1101**********1234.")
    name: str = strawberry.field(description="The person's name as stored.")
    created: bool = strawberry.field(description="True if the person did not exist before.")


@strawberry.input(description="A role a subject holds in an organisation from a date.")
class RoleAssignmentInput:
    role: RoleType = strawberry.field(description="The role type.")
    holder_id: strawberry.ID = strawberry.field(
        description="The holder's public id: a person id, or a USCC for organisation holders."
    )
    organization_uscc: str = strawberry.field(description="USCC of the organisation.")
    from_: date = strawberry.field(name="from", description="First day of the role.")
    to: date | None = strawberry.field(
        default=None, description="Last day of the role; null while current."
    )
    ratio: float | None = strawberry.field(
        default=None, description="Shareholding ratio 0..1 (SHAREHOLDER_OF only)."
    )
    position: EmploymentPosition | None = strawberry.field(
        default=None, description="Position held (EMPLOYED_BY only)."
    )


@strawberry.input(description="The role to end, identified by holder, type, organisation, start.")
class RoleEndInput:
    role: RoleType = strawberry.field(description="The role type.")
    holder_id: strawberry.ID = strawberry.field(description="The holder's public id.")
    organization_uscc: str = strawberry.field(description="USCC of the organisation.")
    from_: date = strawberry.field(name="from", description="First day of the role.")
    to: date = strawberry.field(description="Last day of the role (not before `from`).")


@strawberry.type(description="A role edge as written.")
class RoleWrite:
    role: RoleType = strawberry.field(description="The role type.")
    holder_id: strawberry.ID = strawberry.field(description="The holder's public id.")
    organization_uscc: str = strawberry.field(description="USCC of the organisation.")
    from_: date = strawberry.field(name="from", description="First day of the role.")
    to: date | None = strawberry.field(description="Last day of the role; null while current.")
    ratio: float | None = strawberry.field(description="Shareholding ratio (SHAREHOLDER_OF).")
    position: EmploymentPosition | None = strawberry.field(
        description="Position held (EMPLOYED_BY)."
    )
    created: bool = strawberry.field(description="True if the role edge did not exist before.")


# GraphQL names of the model fields a client sends under another name (for error messages).
ROLE_NAMES = {"uscc": "organizationUscc"}


def _id_key(info: Info[Context, None]) -> bytes:
    return info.context.settings.id_hash_key.get_secret_value().encode()


def _role_data(input: RoleAssignmentInput | RoleEndInput) -> dict[str, Any]:
    return {
        "role": input.role.value,
        "holderId": str(input.holder_id),
        "uscc": input.organization_uscc,
        "from": input.from_,
        "to": input.to,
    }


@strawberry.type
class SubjectMutations:
    @strawberry.mutation(description="Create or update an enterprise. Errors: BAD_USER_INPUT.")
    async def upsert_enterprise(
        self, info: Info[Context, None], input: EnterpriseInput
    ) -> EnterpriseUpsert:
        data = validated(
            EnterpriseIn,
            {
                "uscc": input.uscc,
                "name": input.name,
                "region": input.region,
                "industry": input.industry,
                "isSOE": input.is_soe,
            },
        )
        row = await subjects.upsert_enterprise(
            info.context.executor, data, by=info.context.principal
        )
        stored = {k: v for k, v in row.items() if k != "created"}
        info.context.loaders.enterprise.clear(row["uscc"]).prime(row["uscc"], stored)
        return EnterpriseUpsert(
            enterprise=organization_from_row({**stored, "sid": stored["uscc"]}),
            created=row["created"],
        )

    @strawberry.mutation(
        description="Create or update a person by ID number; returns the public id and the "
        "masked ID, never the number. Birth date and gender are read from a citizen ID number "
        "and kept as protected personal data; the number itself is not. Errors: BAD_USER_INPUT."
    )
    async def upsert_person(self, info: Info[Context, None], input: PersonInput) -> PersonUpsert:
        fields = {"idNumber": input.id_number, "idType": input.id_type.value, "name": input.name}
        fields |= {k: v for k, v in (("address", input.address), ("phone", input.phone)) if v}
        data = validated(PersonIn, fields, context=id_context(_id_key(info)))
        written = await writes.write_one(
            info.context.executor, data, by=info.context.principal, operation="upsertPerson"
        )
        key = data.idNumber
        return PersonUpsert(
            id=strawberry.ID(key.pid),
            id_masked=key.id_masked,
            name=data.name,
            created=written.created,
        )

    @strawberry.mutation(
        description="Give a subject a role in an organisation from a date (the same role and "
        "start again updates it). A role a sanction rule follows (legal representative, "
        "principal, actual controller) is reached, in the same change, by the organisation's "
        "entries and records whose decision date it covers (002 HLJ Art.33); a role starting "
        "after a decision is not. Errors: BAD_USER_INPUT, NOT_FOUND (holder or organisation)."
    )
    async def assign_role(self, info: Info[Context, None], input: RoleAssignmentInput) -> RoleWrite:
        fields = _role_data(input)
        fields["ratio"] = input.ratio
        fields["position"] = input.position.value if input.position else None
        data = validated(RoleIn, fields, names=ROLE_NAMES)
        written = await writes.write_one(
            info.context.executor,
            data,
            by=info.context.principal,
            operation="assignRole",
            names=ROLE_NAMES,
        )
        return RoleWrite(
            role=input.role,
            holder_id=strawberry.ID(data.holder_sid),
            organization_uscc=data.uscc,
            from_=data.from_,
            to=data.to,
            ratio=data.ratio,
            position=input.position,
            created=written.created,
        )

    @strawberry.mutation(
        description="End a role: set its last day. A role a sanction rule follows is "
        "propagated again in the same change: a holder whose role no longer covers a decision "
        "date is no longer reached by it. Errors: BAD_USER_INPUT, NOT_FOUND (no such role)."
    )
    async def end_role(self, info: Info[Context, None], input: RoleEndInput) -> RoleWrite:
        data = validated(RoleEndIn, _role_data(input), names=ROLE_NAMES)
        row = await writes.end_role(info.context.executor, data, by=info.context.principal)
        position = row["position"]
        return RoleWrite(
            role=input.role,
            holder_id=strawberry.ID(data.holderId),
            organization_uscc=data.uscc,
            from_=data.from_,
            to=row["to"],
            ratio=row["ratio"],
            position=EmploymentPosition(position) if position else None,
            created=False,
        )
