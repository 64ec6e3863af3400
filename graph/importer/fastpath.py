"""The validation fast path: the ordinary rows of a bulk feed, planned without building a model.

Validating a row through its pydantic model (graph/inputs.py) was most of the import client's
CPU, and the client shares two cores with the database. Most feed rows are plain, though: the
model's field names, JSON values already in their normal form. This module checks that cheaply
and builds the field values the model would hold; the same planner (graph/importer/kinds.py)
turns them into the statement row, and the same cross-field rules (`graph.inputs.check_*`) run.

It only ever accepts. Anything it does not vouch for returns None and the row goes through its
model, so every reject and its reason stay pydantic's: a missing, unknown or aliased field, a
null, a value pydantic would coerce, strip or upper-case, a string it could not read (a lone
surrogate), an identifier or date that does not validate, a broken rule. Authorities and measures
(a few rows per feed) always take the model. tests/test_import_fastpath.py runs a generated city,
the shipped examples and mutated rows through both paths and asserts the same outcome.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from graph.errors import BadUserInput
from graph.identifiers import PersonKey, normalize_uscc
from graph.importer.kinds import (
    Planned,
    plan_list_entry,
    plan_organization,
    plan_person,
    plan_record,
    plan_role,
)
from graph.importer.readers import KIND
from graph.inputs import (
    ID_TYPES,
    PERSON_ID,
    FieldError,
    cached_person_key,
    cached_uscc,
    check_list_entry,
    check_record,
    check_role,
)
from graph.model import MODEL

Context = Mapping[str, Any]  # the validation context (`graph.inputs.id_context`)
Check = Callable[[Any, Context], Any]  # a field's value → what the model would hold


class _Unusual(Exception):
    """Not a row the fast path vouches for: its model validates it."""


def _plain(value: Any) -> str:
    """A string pydantic keeps as it is: not empty, nothing to strip, readable as UTF-8.
    (Python strips every character pydantic's Rust `trim` does, and a few more.)"""
    if type(value) is not str or not value or value[0].isspace() or value[-1].isspace():
        raise _Unusual
    if not value.isascii():
        try:
            value.encode()
        except UnicodeEncodeError:  # a lone surrogate
            raise _Unusual from None
    return value


def _text(max_length: int) -> Check:
    def check(value: Any, _context: Context) -> str:
        if len(_plain(value)) > max_length:
            raise _Unusual
        return value  # type: ignore[no-any-return]

    return check


_PHONE = re.compile(r"\+?[0-9][0-9 ()-]{4,30}")  # graph.inputs.Phone's pattern


def _phone(value: Any, _context: Context) -> str:
    if not _PHONE.fullmatch(_plain(value)):
        raise _Unusual
    return value  # type: ignore[no-any-return]


def _enum(values: Any) -> Check:
    """One of `values` exactly as declared (the model upper-cases and strips what it is given)."""
    known = frozenset(v for v in values if v == v.strip().upper())

    def check(value: Any, _context: Context) -> str:
        if type(value) is not str or value not in known:
            raise _Unusual
        return value

    return check


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATES: dict[str, date] = {}  # ISO text → date: a feed repeats the same few thousand days
_DATES_KEPT = 1 << 16


def _date(value: Any, _context: Context) -> date:
    if type(value) is date:
        return value
    if type(value) is not str:
        raise _Unusual
    hit = _DATES.get(value)
    if hit is None:
        if not _ISO_DATE.fullmatch(value):
            raise _Unusual
        try:
            hit = date.fromisoformat(value)
        except ValueError:
            raise _Unusual from None
        if len(_DATES) >= _DATES_KEPT:
            _DATES.clear()
        _DATES[value] = hit
    return hit


def _bool(value: Any, _context: Context) -> bool:
    if type(value) is bool:
        return value
    if value == "true":  # a CSV cell
        return True
    if value == "false":
        return False
    raise _Unusual


_DECIMAL = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,15})?")  # a CSV cell that is a plain decimal
_EXACT = 2**53  # integers a float holds exactly


def _number(low: float, high: float) -> Check:
    def check(value: Any, _context: Context) -> float:
        kind = type(value)
        if kind is float:
            number = value
        elif (kind is int and -_EXACT <= value <= _EXACT) or (
            kind is str and _DECIMAL.fullmatch(value)
        ):
            number = float(value)
        else:
            raise _Unusual
        if not (math.isfinite(number) and low <= number <= high):
            raise _Unusual
        return number  # type: ignore[no-any-return]

    return check


def _uscc(value: Any, context: Context) -> str:
    """`graph.inputs.cached_uscc`, the models' own check and cache."""
    if not _plain(value).isascii():
        raise _Unusual
    try:
        return cached_uscc(value, context)
    except BadUserInput:
        raise _Unusual from None


def _public_id(value: Any, _context: Context) -> str:
    """`graph.inputs._public_id`: a person id or a USCC."""
    text = _plain(value).upper()
    if not text.isascii():
        raise _Unusual
    if PERSON_ID.fullmatch(text):
        return text
    try:
        return normalize_uscc(text)
    except BadUserInput:
        raise _Unusual from None


def _key(value: Any, context: Context, id_type: str = "CITIZEN_ID") -> PersonKey:
    """`graph.inputs.cached_person_key`, the models' own hashing and cache."""
    if (
        type(value) is not str
        or not value.isascii()
        or not isinstance(context.get("id_key"), bytes)
    ):
        raise _Unusual
    try:
        return cached_person_key(value, context, id_type)
    except BadUserInput:
        raise _Unusual from None


def _keys(value: Any, context: Context) -> list[PersonKey]:
    if type(value) is not list:
        raise _Unusual
    return [_key(v, context) for v in value]


NAME, CODE, TEXT = _text(200), _text(64), _text(2000)  # graph.inputs' Name, Code and Text
SHORT, MEDIUM = _text(40), _text(100)  # region / industry, domain

# Per kind: row key → (model field, check). Required fields and defaults: the functions below.
Table = dict[str, tuple[str, Check]]


def _table(**checks: Check) -> Table:
    return {("from" if name == "from_" else name): (name, check) for name, check in checks.items()}


ORGANIZATION = _table(
    uscc=_uscc,
    name=NAME,
    orgKind=_enum(MODEL.organization_kinds),
    region=SHORT,
    industry=SHORT,
    isSOE=_bool,
    status=_enum(MODEL.organization_statuses),
    registeredAt=_date,
)
PERSON = _table(
    idType=_enum(ID_TYPES),
    idNumber=lambda value, _context: value,  # hashed below, with the row's ID type
    name=NAME,
    address=NAME,
    phone=_phone,
)
ROLE = _table(
    role=_enum(MODEL.roles),
    holderIdNumber=_key,
    holderUscc=_uscc,
    holderId=_public_id,
    uscc=_uscc,
    from_=_date,
    to=_date,
    ratio=_number(0, 1),
    position=_enum(MODEL.employment_positions),
)
_SUBJECT = _table(subjectUscc=_uscc, subjectIdNumber=_key, subjectId=_public_id)
RECORD = _SUBJECT | _table(
    recordId=CODE,
    recordType=_enum(MODEL.record_types),
    authorityId=CODE,
    decisionNo=CODE,
    decisionDate=_date,
    publishedAt=_date,
    publicationEnd=_date,
    legalBasis=TEXT,
    domain=MEDIUM,
    severity=_enum(MODEL.severities),
    procedure=_enum(MODEL.procedures),
    penaltyKind=_enum(MODEL.penalty_kinds),
    arrearsKind=_enum(MODEL.arrears_kinds),
    commitmentStatus=_enum(MODEL.commitment_statuses),
    amount=_number(0, math.inf),
    status=_enum(MODEL.record_statuses),
    title=TEXT,
)
LIST_ENTRY = _SUBJECT | _table(
    entryId=CODE,
    listType=_enum(MODEL.list_types),
    authorityId=CODE,
    decisionNo=CODE,
    decisionDate=_date,
    reason=TEXT,
    legalBasis=TEXT,
    validFrom=_date,
    validUntil=_date,
    removalConditions=TEXT,
    remedies=TEXT,
    status=_enum(MODEL.list_statuses),
    debtResponsibleIdNumbers=_keys,
)


def _values(data: Mapping[str, Any], table: Table, context: Context) -> dict[str, Any]:
    """The checked values by model field name (`kind` is the loader's, not the model's)."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        spec = table.get(key)
        if spec is None:
            if key == KIND:
                continue
            raise _Unusual  # unknown to the model, or given by its field name instead of alias
        name, check = spec
        values[name] = check(value, context)
    return values


def _require(values: Mapping[str, Any], *names: str) -> None:
    for name in names:
        if name not in values:
            raise _Unusual


def _organization(data: Mapping[str, Any], context: Context) -> Planned:
    values = _values(data, ORGANIZATION, context)
    _require(values, "uscc", "name")
    values.setdefault("orgKind", "ENTERPRISE")
    return plan_organization(values)


def _person(data: Mapping[str, Any], context: Context) -> Planned:
    values = _values(data, PERSON, context)
    _require(values, "idNumber", "name")
    id_type = values.setdefault("idType", "CITIZEN_ID")
    values["idNumber"] = _key(data["idNumber"], context, id_type)
    return plan_person(values)


def _role(data: Mapping[str, Any], context: Context) -> Planned:
    values = _values(data, ROLE, context)
    _require(values, "role", "uscc", "from_")
    check_role(values)
    return plan_role(values)


def _record(data: Mapping[str, Any], context: Context) -> Planned:
    values = _values(data, RECORD, context)
    _require(values, "recordId", "recordType", "decisionDate")
    check_record(values)
    return plan_record(values)


def _list_entry(data: Mapping[str, Any], context: Context) -> Planned:
    values = _values(data, LIST_ENTRY, context)
    _require(
        values,
        "entryId",
        "listType",
        "authorityId",
        "decisionNo",
        "decisionDate",
        "reason",
        "legalBasis",
        "validFrom",
    )
    check_list_entry(values)
    return plan_list_entry(values)


FAST: dict[str, Callable[[Mapping[str, Any], Context], Planned]] = {
    "organization": _organization,
    "person": _person,
    "role": _role,
    "record": _record,
    "listEntry": _list_entry,
}


def fast_plan(kind: str, data: Mapping[str, Any], context: Context) -> Planned | None:
    """The row `plan(IMPORT_MODELS[kind].model_validate(data without kind, context=context))`
    would give, when the fast path vouches for `data`; else None (validate it with the model)."""
    fast = FAST.get(kind)
    if fast is None:
        return None
    try:
        return fast(data, context)
    except (_Unusual, FieldError):
        return None
