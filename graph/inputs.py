"""Pydantic models for everything that is written to the graph.

The import command and the GraphQL mutations validate through these same models, so a row that a
feed may not load cannot be written through the API either, and vice versa. Enum values come from
the declared model (`graph.model.MODEL`): an unknown role is unknown because `domain.yaml` does
not declare it.

Raw citizen ID numbers are turned into a `PersonKey` *during* validation, so a validated model
never holds one. That needs the keyed-hash secret: validate with `context={"id_key": key}`
(see `id_context`). The field names are the import format's (docs/import-format.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from graph.errors import BadUserInput
from graph.identifiers import PersonKey, normalize_uscc, person_key
from graph.model import MODEL

ID_TYPES = ("CITIZEN_ID", "OTHER_VALID_ID")
PERSON_ID = re.compile(r"P[0-9A-F]{16}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FieldError(ValueError):
    """A cross-field rule failed; `field` names the field to blame in the error."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(reason)
        self.field = field


class InputModel(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=True,
        validate_by_alias=True,
        validate_by_name=True,
    )


# -- field types -------------------------------------------------------------------------------
def _iso_date(value: object) -> object:
    if isinstance(value, datetime):
        raise ValueError("expected a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, str):
        text = value.strip()
        if not _ISO_DATE.fullmatch(text):
            raise ValueError(f"{text!r} is not an ISO date (YYYY-MM-DD)")
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a valid date: {exc}") from None
    return value


def one_of(values: Collection[str], what: str) -> Callable[[str], str]:
    """A validator accepting only `values` (case-insensitive), e.g. the declared role types."""
    allowed = tuple(values)
    known = frozenset(allowed)

    def check(value: str) -> str:
        upper = value.strip().upper()
        if upper not in known:
            raise ValueError(f"unknown {what} {value!r} (expected one of {', '.join(allowed)})")
        return upper

    return check


def cached_person_key(value: str, context: Mapping[str, Any], id_type: str) -> PersonKey:
    """`person_key` through the run's cache (`id_context`); BadUserInput for a bad number.
    The models' validator and the import's fast path both come here."""
    secret = context.get("id_key")
    if not isinstance(secret, bytes):
        raise RuntimeError("validate rows with ID numbers with context=id_context(key)")
    cache: dict[tuple[str, str], Any] | None = context.get("cache")
    if cache is not None and (hit := cache.get((id_type, value))) is not None:
        return hit  # type: ignore[no-any-return]
    key = person_key(value, secret, id_type=id_type)
    if cache is not None:
        cache[(id_type, value)] = key
    return key


def _person_key(value: object, info: ValidationInfo) -> PersonKey:
    """Hash a raw ID number with the secret from the validation context; the raw value is gone."""
    if isinstance(value, PersonKey):
        return value
    if not isinstance(value, str):
        raise ValueError("an ID number must be a string")
    context = info.context if isinstance(info.context, dict) else {}
    id_type = info.data.get("idType", "CITIZEN_ID") if info.field_name == "idNumber" else None
    try:
        return cached_person_key(value, context, id_type or "CITIZEN_ID")
    except BadUserInput as exc:
        raise ValueError(exc.message) from None


def _public_id(value: str) -> str:
    """A subject's public id: a person id (`P` + 16 hex) or an organisation's USCC."""
    text = value.strip().upper()
    if PERSON_ID.fullmatch(text):
        return text
    try:
        return normalize_uscc(text)
    except BadUserInput:
        raise ValueError(f"{value!r} is neither a person id (P + 16 hex) nor a USCC") from None


def cached_uscc(value: str, context: Mapping[str, Any]) -> str:
    """`normalize_uscc` through the run's cache (`id_context`); BadUserInput for a bad code.
    The models' validator and the import's fast path both come here."""
    cache: dict[tuple[str, str], Any] | None = context.get("cache")
    if cache is None:
        return normalize_uscc(value)
    hit = cache.get(("USCC", value))
    if hit is None:
        hit = cache[("USCC", value)] = normalize_uscc(value)
    return hit


def _cached_uscc(value: str, info: ValidationInfo) -> str:
    context = info.context if isinstance(info.context, dict) else {}
    try:
        return cached_uscc(value, context)
    except BadUserInput as exc:
        raise ValueError(exc.message) from None


Uscc = Annotated[str, AfterValidator(_cached_uscc)]
IsoDate = Annotated[date, BeforeValidator(_iso_date), Strict()]
IdNumber = Annotated[PersonKey, BeforeValidator(_person_key)]
PublicId = Annotated[str, AfterValidator(_public_id)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Code = Annotated[str, Field(min_length=1, max_length=64)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
Phone = Annotated[str, Field(pattern=r"^\+?[0-9][0-9 ()-]{4,30}$")]

RoleType = Annotated[str, AfterValidator(one_of(MODEL.roles, "role"))]
OrgKind = Annotated[str, AfterValidator(one_of(MODEL.organization_kinds, "organisation kind"))]
OrgStatus = Annotated[
    str, AfterValidator(one_of(MODEL.organization_statuses, "organisation status"))
]
RecordType = Annotated[str, AfterValidator(one_of(MODEL.record_types, "record type"))]
RecordStatus = Annotated[str, AfterValidator(one_of(MODEL.record_statuses, "record status"))]
Procedure = Annotated[str, AfterValidator(one_of(MODEL.procedures, "procedure"))]
Severity = Annotated[str, AfterValidator(one_of(MODEL.severities, "severity"))]
ArrearsKind = Annotated[str, AfterValidator(one_of(MODEL.arrears_kinds, "arrears kind"))]
PenaltyKind = Annotated[str, AfterValidator(one_of(MODEL.penalty_kinds, "penalty kind"))]
CommitmentStatus = Annotated[
    str, AfterValidator(one_of(MODEL.commitment_statuses, "commitment status"))
]
ListType = Annotated[str, AfterValidator(one_of(MODEL.list_types, "list type"))]
ListStatus = Annotated[str, AfterValidator(one_of(MODEL.list_statuses, "list status"))]
AuthorityLevel = Annotated[str, AfterValidator(one_of(MODEL.authority_levels, "authority level"))]
MeasureKind = Annotated[str, AfterValidator(one_of(MODEL.measure_kinds, "measure kind"))]
MeasureCategory = Annotated[
    str, AfterValidator(one_of(MODEL.measure_categories, "measure category"))
]
Position = Annotated[str, AfterValidator(one_of(MODEL.employment_positions, "position"))]
IdType = Annotated[str, AfterValidator(one_of(ID_TYPES, "ID type"))]


def id_context(id_key: bytes, *, cache: bool = False) -> dict[str, Any]:
    """The validation context for models holding ID numbers (with a per-run cache for imports).

    The cache maps raw numbers to their keys in memory for one import run only, so a number that
    recurs (a person in the persons file and again as a role holder) is validated once.
    """
    return {"id_key": id_key, "cache": {} if cache else None}


def _exactly_one(fields: tuple[str, str, str], a: object, b: object, c: object) -> None:
    """`a`, `b`, `c` are the values of `fields`, in order: exactly one must be given."""
    if (a is None) + (b is None) + (c is None) != 2:
        raise FieldError(fields[0], f"give exactly one of {', '.join(fields)}")


HOLDER_FIELDS = ("holderIdNumber", "holderUscc", "holderId")
SUBJECT_FIELDS = ("subjectUscc", "subjectIdNumber", "subjectId")


def _subject_sid(key: PersonKey | None, uscc: str | None, public: str | None) -> str:
    """The subject id a row names by ID number, USCC or public id (exactly one is given)."""
    if key is not None:
        return key.pid
    return uscc or public or ""


def _not_before(later: date | None, earlier: date | None, field: str, other: str) -> None:
    if later is not None and earlier is not None and later < earlier:
        raise FieldError(field, f"{field} ({later}) is before {other} ({earlier})")


# -- cross-field rules -------------------------------------------------------------------------
# Over a valid row's field values (a model's `vars()`; the import's fast path checks them too,
# graph/importer/fastpath.py): a name absent or None was not given.
def check_role(f: Mapping[str, Any]) -> None:
    """A role's holder is one the role admits, not its organisation; its properties are the
    role's own; it does not end before it starts."""
    key, uscc, public = f.get("holderIdNumber"), f.get("holderUscc"), f.get("holderId")
    _exactly_one(HOLDER_FIELDS, key, uscc, public)
    role = f["role"]
    spec = MODEL.roles[role]
    sid = _subject_sid(key, uscc, public)
    holder = "Person" if sid.startswith("P") else "Organization"
    if holder not in spec.holders:
        what = "a person" if holder == "Person" else "an organisation"
        raise FieldError("role", f"{role} cannot be held by {what}")
    if holder == "Organization" and sid == f["uscc"]:
        raise FieldError("uscc", "an organisation cannot hold a role in itself")
    if f.get("ratio") is not None and "ratio" not in spec.properties:
        raise FieldError("ratio", f"ratio applies only to roles that declare it, not {role}")
    if f.get("position") is not None and "position" not in spec.properties:
        raise FieldError("position", f"position applies only to EMPLOYED_BY, not {role}")
    _not_before(f.get("to"), f["from_"], "to", "from")


# Record properties that only one record type may carry.
TYPE_ONLY = (
    ("penaltyKind", "ADMIN_PENALTY"),
    ("procedure", "ADMIN_PENALTY"),
    ("arrearsKind", "ARREARS"),
    ("commitmentStatus", "COMMITMENT"),
)


def check_record(f: Mapping[str, Any]) -> None:
    """One subject; a loadable type; type-specific properties on their type; publication dates
    in order."""
    _exactly_one(SUBJECT_FIELDS, f.get("subjectUscc"), f.get("subjectIdNumber"), f.get("subjectId"))
    record_type = f["recordType"]
    if MODEL.record_types[record_type].derived:
        raise FieldError("recordType", f"{record_type} records are derived by rules, not loaded")
    for name, only in TYPE_ONLY:
        if f.get(name) is not None and record_type != only:
            raise FieldError(name, f"{name} applies only to {only} records")
    decided, published, end = f["decisionDate"], f.get("publishedAt"), f.get("publicationEnd")
    _not_before(published, decided, "publishedAt", "decisionDate")
    _not_before(end, decided, "publicationEnd", "decisionDate")
    _not_before(end, published, "publicationEnd", "publishedAt")


def check_list_entry(f: Mapping[str, Any]) -> None:
    """One subject; a period in order; debt-responsible persons only on a dishonesty list."""
    _exactly_one(SUBJECT_FIELDS, f.get("subjectUscc"), f.get("subjectIdNumber"), f.get("subjectId"))
    _not_before(f.get("validUntil"), f["validFrom"], "validUntil", "validFrom")
    list_type = f["listType"]
    if f.get("debtResponsibleIdNumbers") and MODEL.list_types[list_type].polarity != "NEGATIVE":
        raise FieldError("debtResponsibleIdNumbers", f"{list_type} is not a dishonesty list")


# -- models ------------------------------------------------------------------------------------
class EnterpriseIn(InputModel):
    uscc: str
    name: str = Field(min_length=1, max_length=200)
    region: str | None = Field(default=None, max_length=40)
    industry: str | None = Field(default=None, max_length=40)
    isSOE: bool | None = None

    @field_validator("uscc")
    @classmethod
    def _uscc(cls, value: str) -> str:
        return normalize_uscc(value)


class OrganizationIn(InputModel):
    """An organisation (market subject or other) keyed by USCC; its kind picks its label."""

    uscc: Uscc
    name: Name
    orgKind: OrgKind = "ENTERPRISE"
    region: str | None = Field(default=None, max_length=40)
    industry: str | None = Field(default=None, max_length=40)
    isSOE: bool | None = None
    status: OrgStatus | None = None
    registeredAt: IsoDate | None = None


class PersonIn(InputModel):
    """A natural person; `idNumber` is hashed while validating (the raw number is not kept).

    `address` and `phone` are protected personal data (002 HLJ Art.23): stored, but read only by
    personal-data roles stating a purpose, each read audited (api/permissions.py).
    """

    idType: IdType = "CITIZEN_ID"
    idNumber: IdNumber = Field(repr=False)
    name: Name
    address: str | None = Field(default=None, min_length=1, max_length=200, repr=False)
    phone: Phone | None = Field(default=None, repr=False)


class AuthorityIn(InputModel):
    """A credit authority (department or government body), optionally under a parent."""

    authorityId: Code
    name: Name
    level: AuthorityLevel | None = None
    domain: str | None = Field(default=None, max_length=100)
    region: str | None = Field(default=None, max_length=40)
    parentId: Code | None = None
    # The lists whose entries are pushed to it for feedback (P20). [Not in seeds]: which
    # departments take part in joint punishment is each region's own arrangement.
    participatesIn: list[ListType] | None = Field(default=None, max_length=20)

    @model_validator(mode="after")
    def _not_own_parent(self) -> AuthorityIn:
        if self.parentId == self.authorityId:
            raise FieldError("parentId", "an authority cannot be its own parent")
        return self


class RoleIn(InputModel):
    """A role edge holder -[role {from, to, …}]-> organisation, keyed by (holder, role, org, from).

    Which holders a role admits and which properties it carries come from the model: `ratio`
    only on roles declaring it (SHAREHOLDER_OF), `position` only on EMPLOYED_BY.
    """

    role: RoleType
    holderIdNumber: IdNumber | None = Field(default=None, repr=False)
    holderUscc: Uscc | None = None
    holderId: PublicId | None = None
    uscc: Uscc
    from_: IsoDate = Field(alias="from")
    to: IsoDate | None = None
    ratio: float | None = Field(default=None, ge=0, le=1)
    position: Position | None = None

    @model_validator(mode="after")
    def _rules(self) -> RoleIn:
        check_role(vars(self))
        return self

    @property
    def holder_sid(self) -> str:
        return _subject_sid(self.holderIdNumber, self.holderUscc, self.holderId)


class RoleEndIn(InputModel):
    """The end of a role: its identity (holder, role, organisation, from) and its last day."""

    role: RoleType
    holderId: PublicId
    uscc: Uscc
    from_: IsoDate = Field(alias="from")
    to: IsoDate

    @model_validator(mode="after")
    def _rules(self) -> RoleEndIn:
        _not_before(self.to, self.from_, "to", "from")
        return self


class RecordIn(InputModel):
    """A credit record about one subject, keyed by `recordId`; its type picks its label."""

    recordId: Code
    recordType: RecordType
    subjectUscc: Uscc | None = None
    subjectIdNumber: IdNumber | None = Field(default=None, repr=False)
    subjectId: PublicId | None = None
    authorityId: Code | None = None
    decisionNo: Code | None = None
    decisionDate: IsoDate
    publishedAt: IsoDate | None = None
    publicationEnd: IsoDate | None = None
    legalBasis: Text | None = None
    domain: str | None = Field(default=None, max_length=100)
    severity: Severity | None = None
    procedure: Procedure | None = None
    penaltyKind: PenaltyKind | None = None
    arrearsKind: ArrearsKind | None = None
    commitmentStatus: CommitmentStatus | None = None
    amount: float | None = Field(default=None, ge=0)
    status: RecordStatus | None = None
    title: Text | None = None

    @model_validator(mode="after")
    def _rules(self) -> RecordIn:
        check_record(vars(self))
        return self

    @property
    def subject_sid(self) -> str:
        return _subject_sid(self.subjectIdNumber, self.subjectUscc, self.subjectId)


class ListEntryIn(InputModel):
    """A decision placing a subject on a list (HLJ Art.28: reason, basis, period, remedies)."""

    entryId: Code
    listType: ListType
    subjectUscc: Uscc | None = None
    subjectIdNumber: IdNumber | None = Field(default=None, repr=False)
    subjectId: PublicId | None = None
    authorityId: Code
    decisionNo: Code
    decisionDate: IsoDate
    reason: Text
    legalBasis: Text
    validFrom: IsoDate
    validUntil: IsoDate | None = None
    removalConditions: Text | None = None
    remedies: Text | None = None
    status: ListStatus | None = None
    debtResponsibleIdNumbers: list[IdNumber] = Field(default_factory=list, repr=False)

    @model_validator(mode="after")
    def _rules(self) -> ListEntryIn:
        check_list_entry(vars(self))
        return self

    @property
    def subject_sid(self) -> str:
        return _subject_sid(self.subjectIdNumber, self.subjectUscc, self.subjectId)


class MeasureIn(InputModel):
    """A published incentive, constraint or punishment measure (HLJ Art.26, 30, 31)."""

    code: Code
    name: Name
    measureKind: MeasureKind
    category: MeasureCategory | None = None
    listSource: str | None = Field(default=None, max_length=200)
    legalBasis: Text
    defaultDurationDays: int | None = Field(default=None, ge=0)
    published: bool | None = None


# Import kinds → their model (the `kind` field of a JSONL row, the CSV file name's first word).
IMPORT_MODELS: dict[str, type[InputModel]] = {
    "organization": OrganizationIn,
    "person": PersonIn,
    "authority": AuthorityIn,
    "role": RoleIn,
    "record": RecordIn,
    "listEntry": ListEntryIn,
    "measure": MeasureIn,
}
# Fields that carry raw ID numbers: never written to the graph, a log or a rejects file.
RAW_ID_FIELDS = frozenset(
    {"idNumber", "holderIdNumber", "subjectIdNumber", "debtResponsibleIdNumbers"}
)

M = TypeVar("M", bound="InputModel")


def first_error(exc: ValidationError) -> tuple[str | None, str]:
    """(field, reason) of the first problem pydantic found, without the input value."""
    first = exc.errors(include_input=False, include_url=False)[0]
    cause = (first.get("ctx") or {}).get("error")
    if isinstance(cause, FieldError):
        return cause.field, str(cause)
    field = ".".join(str(p) for p in first["loc"]) or None
    return field, first["msg"].removeprefix("Value error, ")


def validated(
    model: type[M],
    data: dict[str, Any],
    *,
    context: dict[str, Any] | None = None,
    names: Mapping[str, str] | None = None,
) -> M:
    """Build `model` from `data`, turning pydantic's errors into one `BadUserInput`.

    `names` maps model field names to the caller's (e.g. `uscc` → `organizationUscc` in GraphQL),
    so the error names the field the client sent.
    """
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        field, reason = first_error(exc)
        if field is not None and names:
            field = names.get(field, field)
        raise BadUserInput(f"{field}: {reason}" if field else reason, field=field) from None
