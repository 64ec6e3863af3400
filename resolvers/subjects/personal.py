"""`Person.personalData`: the guarded personal data of a natural person (docs/domain.md §8.5).

Only personal-data roles stating a purpose get it (api/permissions.py; the auth extension
refuses the request before any resolver otherwise, and this resolver checks again). Each read is
noted in the context; the auth extension audits the request's reads in one event when it ends
and withholds the data if that event cannot be written. The ID number is never stored; birth date
and gender were read from it at import. The ID hash is never exposed.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry
from strawberry.types import Info
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from api.context import Context
from api.permissions import require_personal_data
from graph.personal import PersonalRead
from resolvers.enums import IdType


@strawberry.enum(description="Gender as encoded in a citizen ID number (GB 11643).")
class Gender(Enum):
    MALE = "MALE"
    FEMALE = "FEMALE"


@strawberry.type(
    description="A person's protected personal data (002 HLJ Art.23): for investigators and "
    "officers stating a purpose (`X-Purpose` header); every read is audited."
)
class PersonalData:
    id_type: IdType | None = strawberry.field(description="Kind of ID document on record.")
    birth_date: date | None = strawberry.field(
        description="Date of birth, read from the citizen ID number at import."
    )
    gender: Gender | None = strawberry.field(
        description="Gender, read from the citizen ID number at import."
    )
    address: str | None = strawberry.field(description="Address, as the feed gave it.")
    phone: str | None = strawberry.field(description="Phone number, as the feed gave it.")


# GraphQL name → stored property, for the audit's list of fields read.
PROPERTIES = {
    "idType": "idType",
    "birthDate": "birthDate",
    "gender": "gender",
    "address": "address",
    "phone": "phone",
}


def _names(selections: list[Selection]) -> set[str]:
    found: set[str] = set()
    for selection in selections:
        if isinstance(selection, SelectedField):
            if selection.name in PROPERTIES:
                found.add(PROPERTIES[selection.name])
        elif isinstance(selection, FragmentSpread | InlineFragment):
            found |= _names(selection.selections)
    return found


async def read_personal_data(info: Info[Context, None], sid: str) -> PersonalData | None:
    """The person's personal data, noted for the request's audit event."""
    ctx = info.context
    require_personal_data(ctx.principal)
    row = await ctx.loaders.personal_data.load(sid)
    if row is None:
        return None
    fields = sorted({name for field in info.selected_fields for name in _names(field.selections)})
    ctx.personal_reads.append(PersonalRead(sid, tuple(info.path.as_list()), tuple(fields)))
    kind = row.get("idType")
    gender = row.get("gender")
    return PersonalData(
        id_type=IdType(kind) if kind in IdType.__members__ else None,
        birth_date=row.get("birthDate"),
        gender=Gender(gender) if gender in Gender.__members__ else None,
        address=row.get("address"),
        phone=row.get("phone"),
    )
