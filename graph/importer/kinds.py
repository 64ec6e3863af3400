"""What each import kind becomes: its batch statement, its load stage and one statement row.

A *lane* is one batch statement with the stage it runs in. Nodes load in stage 0; rows that point
at other nodes (child authorities, roles, records, list entries) load after every node of an
earlier stage that the run has seen, and are retried at the end of the run when an end was still
missing. `plan()` turns a validated model into the parameters of its lane's statement, plus the
references that must exist (to name the missing one when a row is finally rejected). The
planners read field values, not models, so the validation fast path (graph/importer/fastpath.py)
plans the rows it vouches for with the same code.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from graph.cypher import Statement, statement
from graph.identifiers import PersonKey
from graph.inputs import (
    IMPORT_MODELS,
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
    names: bool = False  # rows set subject names: the batch keeps the name grams in step

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
    names=True,
)
PERSONS = Lane(
    "persons",
    "person",
    0,
    statement("import/create_persons"),
    statement("import/update_persons"),
    names=True,
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


Fields = Mapping[str, Any]
"""A valid row's values by model field name: a model's `vars()`, or what the validation fast
path (graph/importer/fastpath.py) built. A name absent or None was not given; defaults are in."""


def _props(f: Fields, names: tuple[tuple[str, str], ...]) -> Params:
    """Properties to set, `(property, field)` pairs: nulls are left out, so a feed that omits a
    field keeps its value."""
    return {prop: v for prop, name in names if (v := f.get(name)) is not None}


def _same(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((name, name) for name in names)


ORGANIZATION_PROPS = (
    ("uscc", "uscc"),
    ("name", "name"),
    ("kind", "orgKind"),
    *_same("region", "industry", "isSOE", "status", "registeredAt"),
)
AUTHORITY_PROPS = _same("name", "level", "domain", "region", "participatesIn")
MEASURE_PROPS = _same(
    "name", "measureKind", "category", "listSource", "legalBasis", "defaultDurationDays",
    "published",
)  # fmt: skip
RECORD_PROPS = _same(
    "recordType", "decisionNo", "decisionDate", "publishedAt", "publicationEnd", "legalBasis",
    "domain", "severity", "procedure", "penaltyKind", "arrearsKind", "commitmentStatus",
    "amount", "status", "title",
)  # fmt: skip
ENTRY_PROPS = _same(
    "listType", "decisionNo", "decisionDate", "reason", "legalBasis", "validFrom", "validUntil",
    "removalConditions", "remedies", "status",
)  # fmt: skip


def _holder(f: Fields) -> tuple[str, str]:
    """(the holder field a role gave, the holder's subject id: the ID number's person id, else
    the USCC, else the public id); validation made sure exactly one is given."""
    key: PersonKey | None = f.get("holderIdNumber")
    if key is not None:
        return "holderIdNumber", key.pid
    uscc = f.get("holderUscc")
    return ("holderUscc" if uscc is not None else "holderId"), uscc or f.get("holderId") or ""


def _subject(f: Fields) -> tuple[str, str]:
    """(the subject field a record or entry gave, the subject id), as `_holder` does."""
    uscc, key = f.get("subjectUscc"), f.get("subjectIdNumber")
    if uscc is not None:
        field = "subjectUscc"
    else:
        field = "subjectIdNumber" if key is not None else "subjectId"
    return field, key.pid if key is not None else uscc or f.get("subjectId") or ""


def plan_organization(f: Fields) -> Planned:
    uscc = f["uscc"]
    p = _props(f, ORGANIZATION_PROPS)
    return Planned(ORGANIZATIONS, MODEL.org_label(f["orgKind"]), uscc, {"k": uscc, "p": p})


def plan_person(f: Fields) -> Planned:
    """Only what the ID number encodes (birth date, gender) is kept of it, never the number."""
    key: PersonKey = f["idNumber"]
    p = {"idHash": key.id_hash, "idMasked": key.id_masked, "idType": f["idType"], "name": f["name"]}
    if key.birth_date is not None:
        p["birthDate"] = key.birth_date
    if key.gender is not None:
        p["gender"] = key.gender
    if (address := f.get("address")) is not None:
        p["address"] = address
    if (phone := f.get("phone")) is not None:
        p["phone"] = phone
    return Planned(PERSONS, "", key.pid, {"k": key.pid, "p": p})


def plan_authority(f: Fields) -> Planned:
    authority, parent = f["authorityId"], f.get("parentId")
    p = _props(f, AUTHORITY_PROPS)
    if parent is None:
        return Planned(AUTHORITIES, "", authority, {"k": authority, "p": p})
    ref = Ref("parentId", "unknown parent authority", "authority", (parent,))
    params = {"k": authority, "parent": parent, "p": p}
    return Planned(CHILD_AUTHORITIES, "", authority, params, (ref,))


def plan_measure(f: Fields) -> Planned:
    code = f["code"]
    return Planned(MEASURES, "", code, {"k": code, "p": _props(f, MEASURE_PROPS)})


def plan_role(f: Fields) -> Planned:
    holder_field, holder = _holder(f)
    role, uscc, start = f["role"], f["uscc"], f["from_"]
    refs = (
        Ref(holder_field, "unknown holder", "subject", (holder,)),
        Ref("uscc", "unknown organisation", "subject", (uscc,)),
    )
    p: Params = {}  # set directly: a role has these three optional properties at most
    if (to := f.get("to")) is not None:
        p["to"] = to
    if (ratio := f.get("ratio")) is not None:
        p["ratio"] = ratio
    if (position := f.get("position")) is not None:
        p["position"] = position
    params = {"h": holder, "o": uscc, "f": start, "p": p}
    return Planned(ROLES, role, (role, holder, uscc, start), params, refs)


def plan_record(f: Fields) -> Planned:
    record, authority = f["recordId"], f.get("authorityId")
    subject_field, subject = _subject(f)
    subject_ref = Ref(subject_field, "unknown subject", "subject", (subject,))
    refs: tuple[Ref, ...] = (subject_ref,)
    if authority is not None:
        refs += (Ref("authorityId", "unknown authority", "authority", (authority,)),)
    params = {"k": record, "s": subject, "a": authority, "p": _props(f, RECORD_PROPS)}
    return Planned(RECORDS, MODEL.record_label(f["recordType"]), record, params, refs)


def plan_list_entry(f: Fields) -> Planned:
    entry, authority = f["entryId"], f["authorityId"]
    debtors = tuple(sorted({k.pid for k in f.get("debtResponsibleIdNumbers") or ()}))
    subject_field, subject = _subject(f)
    refs = [
        Ref(subject_field, "unknown subject", "subject", (subject,)),
        Ref("authorityId", "unknown authority", "authority", (authority,)),
    ]
    if debtors:
        refs.append(Ref("debtResponsibleIdNumbers", "unknown person", "subject", debtors))
    params = {"k": entry, "s": subject, "a": authority, "d": list(debtors)}
    params["p"] = _props(f, ENTRY_PROPS)
    return Planned(LIST_ENTRIES, "", entry, params, tuple(refs))


PLANNERS: dict[type[InputModel], Callable[[Fields], Planned]] = {
    OrganizationIn: plan_organization,
    PersonIn: plan_person,
    AuthorityIn: plan_authority,
    MeasureIn: plan_measure,
    RoleIn: plan_role,
    RecordIn: plan_record,
    ListEntryIn: plan_list_entry,
}
# The same planners by import kind, for rows the fast path validated without a model.
PLANNERS_BY_KIND: dict[str, Callable[[Fields], Planned]] = {
    kind: PLANNERS[model] for kind, model in IMPORT_MODELS.items()
}


def plan(model: InputModel) -> Planned:
    """The statement row for a validated model of any import kind."""
    return PLANNERS[type(model)](vars(model))
