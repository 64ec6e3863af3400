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
    HOLDER_FIELDS,
    SUBJECT_FIELDS,
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


@dataclass(frozen=True, eq=False)
class Lane:
    """A pair of batch statements for one kind of row, and the stage it loads in.

    `create` writes the rows whose key does not exist yet and returns their row numbers as
    `created`; `update` sets the rows whose key exists and returns them as `updated`. A row in
    neither is not written: an end is missing, or its key is stored as another kind (`clash`).
    Lanes are the module's constants, compared and hashed by identity (a loader keys its buffers
    by lane for every row: hashing the statements each time was a measurable cost).
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


# Ref and Planned are made for every imported row: plain slotted classes, built several times
# faster than frozen dataclasses; treat them as read-only.
@dataclass(slots=True)
class Ref:
    """Something a row points at that must exist: blamed as `field: reason` when missing."""

    field: str
    reason: str
    space: Literal["subject", "authority"]
    keys: tuple[str, ...]


@dataclass(slots=True)
class Planned:
    lane: Lane
    group: str  # the template value ("" when the statement has none)
    key: Hashable  # the row's identity within its lane (duplicates in a batch: the last wins)
    params: Params
    refs: tuple[Ref, ...] = ()


def props(**values: Any) -> Params:
    """Properties to set: nulls are left out, so a feed that omits a field keeps its value."""
    return {k: v for k, v in values.items() if v is not None}


def _given(fields: tuple[str, str, str], first: object, second: object) -> str:
    """Which of the three `fields` a row gave, from the first two values (validation made sure
    exactly one is given)."""
    return fields[0] if first is not None else fields[1] if second is not None else fields[2]


def _subject_ref(model: RecordIn | ListEntryIn, sid: str) -> Ref:
    field = _given(SUBJECT_FIELDS, model.subjectUscc, model.subjectIdNumber)
    return Ref(field, "unknown subject", "subject", (sid,))


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
    holder_field = _given(HOLDER_FIELDS, m.holderIdNumber, m.holderUscc)
    holder, uscc, start = m.holder_sid, m.uscc, m.from_
    refs = (
        Ref(holder_field, "unknown holder", "subject", (holder,)),
        Ref("uscc", "unknown organisation", "subject", (uscc,)),
    )
    p: Params = {}  # set directly: a role has these three optional properties at most
    if m.to is not None:
        p["to"] = m.to
    if m.ratio is not None:
        p["ratio"] = m.ratio
    if m.position is not None:
        p["position"] = m.position
    params = {"h": holder, "o": uscc, "f": start, "p": p}
    return Planned(ROLES, m.role, (m.role, holder, uscc, start), params, refs)


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
    subject = m.subject_sid
    refs = [_subject_ref(m, subject)]
    if m.authorityId is not None:
        refs.append(Ref("authorityId", "unknown authority", "authority", (m.authorityId,)))
    params = {"k": m.recordId, "s": subject, "a": m.authorityId, "p": p}
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
    subject = m.subject_sid
    refs = [
        _subject_ref(m, subject),
        Ref("authorityId", "unknown authority", "authority", (m.authorityId,)),
    ]
    if debtors:
        refs.append(Ref("debtResponsibleIdNumbers", "unknown person", "subject", debtors))
    params = {
        "k": m.entryId,
        "s": subject,
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
