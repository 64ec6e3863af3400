"""GraphQL types for subjects (organisations and persons) and the role edges between them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date
from typing import Annotated, Any, Generic, TypeVar, cast

import strawberry
from strawberry.types import Info

from api.context import Context
from api.extensions.cost import cost_hint
from api.pagination import Connection, PageInfo, Window, build, encode_cursor, window
from api.permissions import visibility_of
from graph.executor import Record
from graph.pages import Page
from graph.records import RecordQuery
from graph.subjects import RoleQuery
from resolvers.enums import ListStatus, ListType, RecordType, RoleType, SubjectKind
from resolvers.node import Node
from resolvers.records.types import CreditRecord, ListEntry, list_entry_from_row, record_from_row
from resolvers.risk.queries import subject_grade, subject_risk_indicators
from resolvers.risk.types import CreditGrade, RiskIndicator
from resolvers.sanctions.queries import subject_flags
from resolvers.sanctions.types import SanctionFlag
from resolvers.subjects.lookahead import (
    brief_roles,
    list_entry_query,
    peek_role_holders,
    role_holders_page,
)
from resolvers.subjects.personal import PersonalData, read_personal_data


def _values(items: list[Any] | None) -> tuple[str, ...] | None:
    return tuple(i.value for i in items) if items else None


async def paged(win: Window, load: Callable[[Window], Awaitable[Page]]) -> tuple[Window, Page]:
    """The page of a per-parent list for `win`; `last` without `before` first loads an empty
    page at the start for the list's size (`Page.total`), then the window at its end."""
    if win.needs_total:
        win = win.at_end((await load(win)).total)
    return win, await load(win)


def entries_connection(page: Page, win: Window, sid: str) -> Connection[ListEntry]:
    return build([list_entry_from_row(r, sid) for r in page.rows], win, total=page.total)


async def list_entries_page(
    info: Info[Context, None],
    sid: str,
    first: int | None,
    after: str | None,
    status: list[ListStatus] | None,
    list_type: list[ListType] | None,
    last: int | None = None,
    before: str | None = None,
) -> Connection[ListEntry]:
    statuses, list_types = _values(status), _values(list_type)
    win, q = list_entry_query(info, first, after, statuses, list_types, last, before)
    loader = info.context.loaders.list_entries

    async def load(w: Window) -> Page:
        return await loader.load((sid, replace(q, skip=w.skip, limit=w.limit)))

    win, page = await paged(win, load)
    return entries_connection(page, win, sid)


async def records_page(
    info: Info[Context, None],
    sid: str,
    first: int | None,
    after: str | None,
    types: list[RecordType] | None,
    start: date | None,
    end: date | None,
    last: int | None = None,
    before: str | None = None,
) -> Connection[CreditRecord]:
    max_page = info.context.settings.max_page_size
    win = window(first, after, max_page, last=last, before=before)
    vis = visibility_of(info.context.principal)
    today = date.today()

    async def load(w: Window) -> Page:
        q = RecordQuery(_values(types), start, end, w.skip, w.limit, vis, today)
        return await info.context.loaders.records.load((sid, q))

    win, page = await paged(win, load)
    return build([record_from_row(r) for r in page.rows], win, total=page.total)


@strawberry.interface(
    description="A credit subject (信用主体): an organisation or a natural person."
)
class Subject(Node):
    id: strawberry.ID = strawberry.field(
        description="Public id: the USCC, or the person id; also its global (Relay) id."
    )
    name: str | None = strawberry.field(description="Name.")
    kind: SubjectKind = strawberry.field(description="Kind of subject.")

    @strawberry.field(description="The subject's list entries, newest first.")
    def list_entries(
        self,
        info: Info[Context, None],
        first: int | None = None,
        after: str | None = None,
        status: list[ListStatus] | None = None,
        list_type: list[ListType] | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[ListEntry]:
        # Synchronous when a parent prefetched the page (resolvers/subjects/lookahead.py),
        # else an awaitable, which GraphQL awaits like an async resolver's result.
        statuses, list_types = _values(status), _values(list_type)
        win, q = list_entry_query(info, first, after, statuses, list_types, last, before)
        page = info.context.loaders.list_entries.peek((str(self.id), q))
        if page is not None and not win.needs_total:
            return entries_connection(page, win, str(self.id))
        sid = str(self.id)
        pending = list_entries_page(info, sid, first, after, status, list_type, last, before)
        return cast(Connection[ListEntry], pending)

    @strawberry.field(description="The subject's credit records, newest decision first.")
    async def records(
        self,
        info: Info[Context, None],
        first: int | None = None,
        after: str | None = None,
        types: list[RecordType] | None = None,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[CreditRecord]:
        sid = str(self.id)
        return await records_page(info, sid, first, after, types, from_, to, last, before)

    @strawberry.field(
        metadata=cost_hint(multiplier=10),
        description="Sanction flags on this subject (punishment extended to it, rule P1 etc.), "
        "each with its rule, legal basis and the path that explains it. Ended flags are history: "
        "shown with `includeEnded`; `asOf` evaluates validity on that date.",
    )
    async def flags(
        self, info: Info[Context, None], include_ended: bool = False, as_of: date | None = None
    ) -> list[SanctionFlag]:
        return await subject_flags(info, str(self.id), include_ended, as_of)

    @strawberry.field(
        description="Hebei A/B/C/D credit grade over the year ending `asOf` (default today), "
        "with the records that decided it and the supervision it implies."
    )
    async def grade(self, info: Info[Context, None], as_of: date | None = None) -> CreditGrade:
        return await subject_grade(info, str(self.id), as_of)

    @strawberry.field(
        metadata=cost_hint(multiplier=10),
        description="Risk indicators (e.g. LINKED_RISK) for prioritising supervision: never a "
        "sanction, always with their evidence.",
    )
    async def risk_indicators(self, info: Info[Context, None]) -> list[RiskIndicator]:
        return await subject_risk_indicators(info, str(self.id))


@strawberry.type(description="A role edge: the role, its dates and share, and its cursor.")
class _RoleEdge:
    """Fields shared by both views of a role edge; each view declares its `node` (the
    redeclared field keeps its place, second). Not in the schema itself: no field returns it."""

    cursor: str = strawberry.field(description="Opaque position, for `after`.")
    node: Subject = strawberry.field(description="The subject at the other end of the role.")
    role: RoleType = strawberry.field(description="The role.")
    from_: date | None = strawberry.field(name="from", description="First day of the role.")
    to: date | None = strawberry.field(description="Last day of the role; null while current.")
    ratio: float | None = strawberry.field(description="Share held (0–1), for SHAREHOLDER_OF.")
    position: str | None = strawberry.field(description="Position, for EMPLOYED_BY.")


@strawberry.type(description="A role held in an organisation, seen from the organisation.")
class RoleHolderEdge(_RoleEdge):
    node: Subject = strawberry.field(description="The holder: a person or an organisation.")


E = TypeVar("E", bound=_RoleEdge)


@strawberry.type(description="A page of role edges.")
class _RoleConnection(Generic[E]):
    """Both pages of role edges, each with its own kind of edge."""

    edges: list[E] = strawberry.field(description="The roles of this page.")
    page_info: PageInfo = strawberry.field(description="Paging information.")
    total_count: int = strawberry.field(description="Number of roles in the whole list.")


@strawberry.type(description="A page of role holders.")
class RoleHolderConnection(_RoleConnection[RoleHolderEdge]):
    pass


@strawberry.type(description="A role held in an organisation, seen from the holder.")
class HeldRoleEdge(_RoleEdge):
    node: Organization = strawberry.field(description="The organisation.")


@strawberry.type(description="A page of roles a subject holds.")
class HeldRoleConnection(_RoleConnection[HeldRoleEdge]):
    pass


def _page_info(win: Window, rows: list[Record]) -> PageInfo:
    shown = min(len(rows), win.first)
    return PageInfo(
        has_next_page=len(rows) > win.first,
        has_previous_page=win.skip > 0,
        start_cursor=encode_cursor(win.skip) if shown else None,
        end_cursor=encode_cursor(win.skip + shown - 1) if shown else None,
    )


def _role_fields(row: Record) -> dict[str, Any]:
    return {
        "role": RoleType(row["role"]),
        "from_": row.get("from"),
        "to": row.get("to"),
        "ratio": row.get("ratio"),
        "position": row.get("position"),
    }


async def _role_holders(
    info: Info[Context, None],
    uscc: str,
    win: Window,
    roles: list[RoleType] | None,
    as_of: date | None,
) -> RoleHolderConnection:
    async def load(w: Window) -> Page:
        q = RoleQuery(_values(roles), as_of, w.skip, w.limit)
        return await role_holders_page(info, uscc, q)

    win, page = await paged(win, load)
    return holders_connection(page, win)


def holders_connection(page: Page, win: Window) -> RoleHolderConnection:
    edges = [
        RoleHolderEdge(cursor=encode_cursor(win.skip + i), node=subject_from_row(r), **fields)
        for i, r, fields in _edges(page, win)
    ]
    return RoleHolderConnection(
        edges=edges, page_info=_page_info(win, page.rows), total_count=page.total
    )


def held_connection(page: Page, win: Window) -> HeldRoleConnection:
    edges = [
        HeldRoleEdge(cursor=encode_cursor(win.skip + i), node=organization_from_row(r), **fields)
        for i, r, fields in _edges(page, win)
    ]
    return HeldRoleConnection(
        edges=edges, page_info=_page_info(win, page.rows), total_count=page.total
    )


def _edges(page: Page, win: Window) -> list[tuple[int, Record, dict[str, Any]]]:
    return [(i, r, _role_fields(r)) for i, r in enumerate(page.rows[: win.first])]


async def _held_roles(
    info: Info[Context, None],
    sid: str,
    win: Window,
    roles: list[RoleType] | None,
    as_of: date | None,
    exclude: str | None = None,
) -> HeldRoleConnection:
    async def load(w: Window) -> Page:
        q = RoleQuery(_values(roles), as_of, w.skip, w.limit, exclude)
        return await info.context.loaders.held_roles.load((sid, q))

    win, page = await paged(win, load)
    return held_connection(page, win)


@strawberry.type(description="A person as others may see them: name and masked ID only.")
class PersonRef:
    id: strawberry.ID = strawberry.field(
        description="Public person id (derived from a keyed hash)."
    )
    name: str | None = strawberry.field(description="Name of the person.")
    id_masked: str | None = strawberry.field(
        description="Masked ID number, e.g. 1101**********1234; the full number is never stored."
    )


@strawberry.type(description="A legal representative with the role's dates.")
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


@strawberry.interface(description="An organisation identified by its unified social credit code.")
class Organization(Subject):
    uscc: str = strawberry.field(description="Unified social credit code (GB 32100, 18 chars).")
    region: str | None = strawberry.field(description="Registered region / district code.")
    industry: str | None = strawberry.field(description="Industry code.")
    is_soe: bool | None = strawberry.field(description="State-owned enterprise or institution.")
    status: str | None = strawberry.field(
        description="ACTIVE, DEREGISTERED or BUSINESS_LICENCE_REVOKED."
    )
    registered_at: date | None = strawberry.field(description="Date of registration.")

    @strawberry.field(
        metadata=cost_hint(multiplier=5),
        description="Legal representatives; with `asOf`, those holding the role then.",
    )
    async def legal_representatives(
        self, info: Info[Context, None], as_of: date | None = None
    ) -> list[RoleHolder]:
        rows = await info.context.loaders.legal_representatives.load((self.uscc, as_of))
        return [RoleHolder.from_row(r) for r in rows]

    @strawberry.field(
        description="Who holds roles in this organisation (persons and organisations). "
        "With `asOf`, only roles held on that date; otherwise current and past roles."
    )
    def roles(
        self,
        info: Info[Context, None],
        first: int | None = None,
        after: str | None = None,
        roles: list[RoleType] | None = None,
        as_of: date | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> RoleHolderConnection:
        # Synchronous when the page above prefetched this one (lookahead), else awaited.
        max_page = info.context.settings.max_page_size
        win = window(first, after, max_page, last=last, before=before)
        if not win.needs_total:
            q = RoleQuery(_values(roles), as_of, win.skip, win.limit)
            page = peek_role_holders(info, self.uscc, q)
            if page is not None:
                return holders_connection(page, win)
        pending = _role_holders(info, self.uscc, win, roles, as_of)
        return cast(RoleHolderConnection, pending)

    @strawberry.field(description="Roles this organisation holds in others (shares, control).")
    async def held_roles(
        self,
        info: Info[Context, None],
        first: int | None = None,
        after: str | None = None,
        roles: list[RoleType] | None = None,
        as_of: date | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> HeldRoleConnection:
        max_page = info.context.settings.max_page_size
        win = window(first, after, max_page, last=last, before=before)
        return await _held_roles(info, self.uscc, win, roles, as_of)


@strawberry.type(description="An enterprise (企业), the main market subject.")
class Enterprise(Organization):
    pass


@strawberry.type(description="An individual business (个体工商户).")
class IndividualBusiness(Organization):
    pass


@strawberry.type(description="A social organisation (社会组织).")
class SocialOrganization(Organization):
    pass


@strawberry.type(description="A public institution (事业单位).")
class PublicInstitution(Organization):
    pass


@strawberry.type(description="A government organ (机关).")
class GovernmentOrgan(Organization):
    pass


@strawberry.type(description="A farmer cooperative (农民专业合作社).")
class FarmerCooperative(Organization):
    pass


@strawberry.type(
    description="A natural person (自然人). Personal data beyond the masked ID is guarded."
)
class Person(Subject):
    id_masked: str | None = strawberry.field(
        description="Masked ID number, e.g. 1101**********1234; the full number is never stored."
    )

    @strawberry.field(
        description="Roles the person holds in organisations. `excludeOrganization` leaves one "
        "out (the person's *other* roles). With `asOf`, only roles held on that date."
    )
    def roles(
        self,
        info: Info[Context, None],
        first: int | None = None,
        after: str | None = None,
        roles: list[RoleType] | None = None,
        as_of: date | None = None,
        exclude_organization: strawberry.ID | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> HeldRoleConnection:
        # Synchronous when the holders' page above fetched this one (lookahead), else awaited.
        exclude = str(exclude_organization) if exclude_organization else None
        max_page = info.context.settings.max_page_size
        win = window(first, after, max_page, last=last, before=before)
        if not win.needs_total:
            q = RoleQuery(
                _values(roles), as_of, win.skip, win.limit, exclude, brief=brief_roles(info)
            )
            page = info.context.loaders.held_roles.peek((str(self.id), q))
            if page is not None:
                return held_connection(page, win)
        pending = _held_roles(info, str(self.id), win, roles, as_of, exclude)
        return cast(HeldRoleConnection, pending)

    @strawberry.field(
        description="Protected personal data (birth date, gender, address, phone): only for "
        "investigators and officers stating a purpose in the `X-Purpose` header; every read is "
        "audited. Null when nothing is stored. Errors: FORBIDDEN, UNAUTHENTICATED, UNAVAILABLE "
        "(withheld: the read could not be audited)."
    )
    async def personal_data(self, info: Info[Context, None]) -> PersonalData | None:
        return await read_personal_data(info, str(self.id))


ORG_CLASSES: dict[str, type[Organization]] = {
    "ENTERPRISE": Enterprise,
    "INDIVIDUAL_BUSINESS": IndividualBusiness,
    "SOCIAL_ORG": SocialOrganization,
    "PUBLIC_INSTITUTION": PublicInstitution,
    "GOV_ORGAN": GovernmentOrgan,
    "FARMER_COOP": FarmerCooperative,
}
SUBJECT_TYPES: list[type] = [*ORG_CLASSES.values(), Person]


def organization_from_row(row: Record) -> Organization:
    kind = row.get("kind") or "ENTERPRISE"
    return ORG_CLASSES[kind](
        id=strawberry.ID(row["sid"]),
        name=row.get("name"),
        kind=SubjectKind(kind),
        uscc=row.get("uscc") or row["sid"],
        region=row.get("region"),
        industry=row.get("industry"),
        is_soe=row.get("isSOE"),
        status=row.get("status"),
        registered_at=row.get("registeredAt"),
    )


def subject_from_row(row: Record) -> Subject:
    if row.get("kind") == "NATURAL_PERSON":
        return Person(
            id=strawberry.ID(row["sid"]),
            name=row.get("name"),
            kind=SubjectKind.NATURAL_PERSON,
            id_masked=row.get("idMasked"),
        )
    return organization_from_row(row)


@strawberry.type(description="Result of an upsert: the enterprise and whether it was new.")
class EnterpriseUpsert:
    enterprise: Organization = strawberry.field(description="The enterprise as stored.")
    created: bool = strawberry.field(description="True if the enterprise did not exist before.")
