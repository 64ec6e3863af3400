"""What each import kind becomes: its batch statement, its load stage and one statement row.

A *lane* is one batch statement with the stage it runs in. Nodes load in stage 0; rows that point
at other nodes (child authorities, roles, records, list entries) load after every node of an
earlier stage that the run has seen, and are retried at the end of the run when an end was still
missing. `plan()` turns a validated model into the parameters of its lane's statement, plus the
references that must exist (to name the missing one when a row is finally rejected).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from graph.cypher import Statement, statement
from graph.inputs import (
    AuthorityIn,
    InputModel,
    ListEntryIn,
    MeasureIn,
    OrganizationIn,
    PersonIn,
    RecordIn,
    RoleIn,
)
from graph.model import MODEL

Params = dict[str, Any]


@dataclass(frozen=True)
class Lane:
    """A pair of batch statements for one kind of row, and the stage it loads in.

    `create` writes the rows whose key does not exist yet and returns their row numbers as
    `created`; `update` sets the rows whose key exists and returns them as `updated`. A row in
    neither is not written: an end is missing, or its key is stored as another kind (`clash`).
    """

    name: str
    kind: str
    stage: int
    create: Statement
    update: Statement
    token: str | None = None  # the statements' template token, filled per group
    clash: str = "conflicts with a stored node"

    @property
    def dependent(self) -> bool:
        return self.stage > 0


ORGANIZATIONS = Lane(
    "organizations",
    "organization",
    0,
    statement("import/create_organizations"),
    statement("import/update_organizations"),
    "ORG_LABEL",
    "the USCC is stored under another organisation kind; a kind never changes",
)
PERSONS = Lane(
    "persons",
    "person",
    0,
    statement("import/create_persons"),
    statement("import/update_persons"),
)
AUTHORITIES = Lane(
    "authorities",
    "authority",
    0,
    statement("import/create_authorities"),
    statement("import/update_authorities"),
)
MEASURES = Lane(
    "measures",
    "measure",
    0,
    statement("import/create_measures"),
    statement("import/update_measures"),
)
CHILD_AUTHORITIES = Lane(
    "childAuthorities",
    "authority",
    1,
    statement("import/create_child_authorities"),
    statement("import/update_child_authorities"),
)
ROLES = Lane(
    "roles",
    "role",
    2,
    statement("import/create_roles"),
    statement("import/update_roles"),
    "ROLE",
)
RECORDS = Lane(
    "records",
    "record",
    3,
    statement("import/create_records"),
    statement("import/update_records"),
    "RECORD_LABEL",
    "the recordId is stored under another record type; a type never changes",
)
LIST_ENTRIES = Lane(
    "listEntries",
    "listEntry",
    4,
    statement("import/create_list_entries"),
    statement("import/update_list_entries"),
)

LANES: tuple[Lane, ...] = (
    ORGANIZATIONS,
    PERSONS,
    AUTHORITIES,
    MEASURES,
    CHILD_AUTHORITIES,
    ROLES,
    RECORDS,
    LIST_ENTRIES,
)


@cache
def specialised(stmt: Statement, token: str | None, group: str) -> Statement:
    """A lane statement with its template token filled from the model's whitelist."""
    if token is None:
        return stmt
    return stmt.specialise(MODEL.allowed, **{token: group})


@dataclass(frozen=True)
class Ref:
    """Something a row points at that must exist: blamed as `field: reason` when missing."""

    field: str
    reason: str
    space: Literal["subject", "authority"]
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Planned:
    lane: Lane
    group: str  # the template value ("" when the statement has none)
    key: Hashable  # the row's identity within its lane (duplicates in a batch: the last wins)
    params: Params
    refs: tuple[Ref, ...] = ()


def props(**values: Any) -> Params:
    """Properties to set: nulls are left out, so a feed that omits a field keeps its value."""
    return {k: v for k, v in values.items() if v is not None}


def _subject_ref(model: RecordIn | ListEntryIn) -> Ref:
    field = next(
        f for f in ("subjectUscc", "subjectIdNumber", "subjectId") if getattr(model, f) is not None
    )
    return Ref(field, "unknown subject", "subject", (model.subject_sid,))


def plan_organization(m: OrganizationIn) -> Planned:
    p = props(
        uscc=m.uscc,
        name=m.name,
        kind=m.orgKind,
        region=m.region,
        industry=m.industry,
        isSOE=m.isSOE,
        status=m.status,
        registeredAt=m.registeredAt,
    )
    return Planned(ORGANIZATIONS, MODEL.org_label(m.orgKind), m.uscc, {"k": m.uscc, "p": p})


def plan_person(m: PersonIn) -> Planned:
    """Only what the ID number encodes (birth date, gender) is kept of it, never the number."""
    key = m.idNumber
    p = {"idHash": key.id_hash, "idMasked": key.id_masked, "idType": m.idType, "name": m.name}
    p |= props(birthDate=key.birth_date, gender=key.gender, address=m.address, phone=m.phone)
    return Planned(PERSONS, "", key.pid, {"k": key.pid, "p": p})


def plan_authority(m: AuthorityIn) -> Planned:
    p = props(name=m.name, level=m.level, domain=m.domain, region=m.region)
    if m.parentId is None:
        return Planned(AUTHORITIES, "", m.authorityId, {"k": m.authorityId, "p": p})
    parent = Ref("parentId", "unknown parent authority", "authority", (m.parentId,))
    params = {"k": m.authorityId, "parent": m.parentId, "p": p}
    return Planned(CHILD_AUTHORITIES, "", m.authorityId, params, (parent,))


def plan_measure(m: MeasureIn) -> Planned:
    p = props(
        name=m.name,
        measureKind=m.measureKind,
        category=m.category,
        listSource=m.listSource,
        legalBasis=m.legalBasis,
        defaultDurationDays=m.defaultDurationDays,
        published=m.published,
    )
    return Planned(MEASURES, "", m.code, {"k": m.code, "p": p})


def plan_role(m: RoleIn) -> Planned:
    holder_field = next(
        f for f in ("holderIdNumber", "holderUscc", "holderId") if getattr(m, f) is not None
    )
    holder = m.holder_sid
    refs = (
        Ref(holder_field, "unknown holder", "subject", (holder,)),
        Ref("uscc", "unknown organisation", "subject", (m.uscc,)),
    )
    params = {
        "h": holder,
        "o": m.uscc,
        "f": m.from_,
        "p": props(to=m.to, ratio=m.ratio, position=m.position),
    }
    return Planned(ROLES, m.role, (m.role, holder, m.uscc, m.from_), params, refs)


def plan_record(m: RecordIn) -> Planned:
    p = props(
        recordType=m.recordType,
        decisionNo=m.decisionNo,
        decisionDate=m.decisionDate,
        publishedAt=m.publishedAt,
        publicationEnd=m.publicationEnd,
        legalBasis=m.legalBasis,
        domain=m.domain,
        severity=m.severity,
        procedure=m.procedure,
        penaltyKind=m.penaltyKind,
        arrearsKind=m.arrearsKind,
        commitmentStatus=m.commitmentStatus,
        amount=m.amount,
        status=m.status,
        title=m.title,
    )
    refs = [_subject_ref(m)]
    if m.authorityId is not None:
        refs.append(Ref("authorityId", "unknown authority", "authority", (m.authorityId,)))
    params = {"k": m.recordId, "s": m.subject_sid, "a": m.authorityId, "p": p}
    return Planned(RECORDS, MODEL.record_label(m.recordType), m.recordId, params, tuple(refs))


def plan_list_entry(m: ListEntryIn) -> Planned:
    debtors = tuple(sorted({k.pid for k in m.debtResponsibleIdNumbers}))
    p = props(
        listType=m.listType,
        decisionNo=m.decisionNo,
        decisionDate=m.decisionDate,
        reason=m.reason,
        legalBasis=m.legalBasis,
        validFrom=m.validFrom,
        validUntil=m.validUntil,
        removalConditions=m.removalConditions,
        remedies=m.remedies,
        status=m.status,
    )
    refs = [
        _subject_ref(m),
        Ref("authorityId", "unknown authority", "authority", (m.authorityId,)),
    ]
    if debtors:
        refs.append(Ref("debtResponsibleIdNumbers", "unknown person", "subject", debtors))
    params = {
        "k": m.entryId,
        "s": m.subject_sid,
        "a": m.authorityId,
        "d": list(debtors),
        "p": p,
    }
    return Planned(LIST_ENTRIES, "", m.entryId, params, tuple(refs))


PLANNERS: dict[type[InputModel], Callable[[Any], Planned]] = {
    OrganizationIn: plan_organization,
    PersonIn: plan_person,
    AuthorityIn: plan_authority,
    MeasureIn: plan_measure,
    RoleIn: plan_role,
    RecordIn: plan_record,
    ListEntryIn: plan_list_entry,
}


def plan(model: InputModel) -> Planned:
    """The statement row for a validated model of any import kind."""
    return PLANNERS[type(model)](model)
