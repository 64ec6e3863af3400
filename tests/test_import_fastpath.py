"""The validation fast path (graph/importer/fastpath.py) gives what the models give (tier 1).

The loader plans a row on the fast path when it vouches for it and validates it with its model
otherwise. That is the model's outcome for every row exactly when (a) a row the fast path plans is
one the model accepts, planned identically (same values, same types, same key order), and (b) a
row the model rejects is never planned by the fast path: its reject, field and reason, is then
the model's own. Both are checked on every row of a generated city, every shipped example (JSONL
and CSV) and tens of thousands of mutated rows (whitespace, case, types, nulls, lengths, bad
dates and identifiers, unknown and aliased fields, every cross-field rule broken). The city's
rows must all take the fast path, or it would not be the fast path.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from stdnum.cn import ric

from graph.identifiers import PersonKey, person_key
from graph.importer.fastpath import fast_plan
from graph.importer.kinds import Planned, Ref, plan
from graph.importer.readers import KIND, kind_from_name, read_csv, read_jsonl
from graph.inputs import IMPORT_MODELS, RecordIn, RoleIn, first_error, id_context
from seeds.generator import generate

KEY = b"test-hash-key"
EXAMPLES = Path(__file__).resolve().parents[1] / "seeds" / "examples"
FAST_KINDS = ("organization", "person", "role", "record", "listEntry")
Outcome = tuple[str, Any]  # ("planned", strict form) or ("rejected", (field, reason))


def strict(value: Any) -> Any:
    """A value with the type of every part spelt out, and dict order kept: `1 == 1.0` and
    `{"a": 1, "b": 2} == {"b": 2, "a": 1}` must not hide a difference."""
    if isinstance(value, dict):
        return ("dict", tuple((k, strict(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(strict(v) for v in value))
    if isinstance(value, Planned):
        return ("Planned", value.lane.name, value.group, strict(value.key), strict(value.params))
    if isinstance(value, Ref):
        return ("Ref", value.field, value.reason, value.space, strict(value.keys))
    if isinstance(value, PersonKey):
        return ("PersonKey", *(strict(v) for v in vars(value).values()))
    return (type(value).__name__, value)


def model_outcome(kind: str, row: dict[str, Any], context: dict[str, Any]) -> Outcome:
    fields = {k: v for k, v in row.items() if k != KIND}
    try:
        model = IMPORT_MODELS[kind].model_validate(fields, context=context)
    except ValidationError as exc:
        return "rejected", first_error(exc)
    planned = plan(model)
    return "planned", (strict(planned), strict(planned.refs))


class Comparison:
    """Runs rows through both paths, each with its own per-run context (as two runs would)."""

    def __init__(self) -> None:
        self.fast_context = id_context(KEY, cache=True)
        self.model_context = id_context(KEY, cache=True)
        self.fast = 0
        self.slow = 0

    def check(self, kind: str, row: dict[str, Any]) -> bool:
        """Assert (a) and (b) for one row; True when the fast path planned it."""
        expected = model_outcome(kind, row, self.model_context)
        planned = fast_plan(kind, row, self.fast_context)
        if planned is None:
            self.slow += 1
            return False
        assert expected == ("planned", (strict(planned), strict(planned.refs))), (kind, row)
        self.fast += 1
        return True


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    out = tmp_path_factory.mktemp("city")
    generate(out, scale=400, seed=5)
    rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind in FAST_KINDS}
    for path in sorted(out.glob("*.jsonl")):
        for _file, _line, row in read_jsonl(path):
            if row[KIND] in rows:
                rows[row[KIND]].append(row)
    return rows


def test_every_row_of_a_generated_city_takes_the_fast_path_to_the_models_plan(
    city: dict[str, list[dict[str, Any]]],
) -> None:
    comparison = Comparison()
    for kind, rows in city.items():
        assert rows, kind
        for row in rows:
            assert comparison.check(kind, row), (kind, row)


def _examples() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted(EXAMPLES.glob("*.jsonl")):
        for _file, _line, row in read_jsonl(path):
            yield row[KIND], row
    for path in sorted(EXAMPLES.glob("*.csv")):
        kind = kind_from_name(path)
        assert kind is not None
        for _file, _line, row in read_csv(path, kind):
            yield row[KIND], row


def test_the_shipped_examples_in_both_formats_agree() -> None:
    comparison = Comparison()
    for kind, row in _examples():
        if kind in FAST_KINDS:
            comparison.check(kind, row)
    assert comparison.fast >= 20  # the JSONL examples and the CSV ones alike


# -- mutated rows ----------------------------------------------------------------------------------
def _citizen(body: str) -> str:
    return body + ric.calc_check_digit(body + "0")


LONG = "长" * 2001
DATE_TEXTS = ["2024-02-30", "20240101", "2024-1-01", "2024-01-01T00:00:00", "２０２４-01-01"]
ODD_VALUES: list[Any] = [
    "",
    " ",
    None,
    0,
    1,
    -1,
    1.5,
    True,
    False,
    [],
    {},
    "true",
    "false",
    "yes",
    "0.5",
    "1",
    "1e-1",
    " 0.5",
    math.nan,
    math.inf,
    10**20,
    LONG,
    "x" * 41,
    "x" * 65,
    "x" * 101,
    "x" * 201,
    "a\ud800b",
    "P0123456789ABCDEF",
    "p0123456789abcdef",
    "91110000600037341L",
    "91110000600037341l",
    "91110000600037341M",
    "11010519491231002X",
    "11010519491231002x",
    "110105194912310021",
    date(2024, 1, 1),
    datetime(2024, 1, 1, 8, 0),
    *DATE_TEXTS,
]


def _variants(value: Any) -> list[Any]:
    """The value made unusual: padded, re-cased, control characters, and odd values."""
    out: list[Any] = list(ODD_VALUES)
    if isinstance(value, str):
        out += [f" {value}", f"{value} ", f"\u3000{value}", f"{value}\x1c", f"{value}\n"]
        out += [value.lower(), value.upper(), value.title(), value + "\ud800", value[:-1]]
    if isinstance(value, float):
        out += [str(value), int(value), -value, value * 10, str(-value)]
    if isinstance(value, list):
        out += [[*value, value[0]] if value else ["bad"], [v.lower() for v in value], [1]]
    return out


def _mutations(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    fields = [k for k in row if k != KIND]
    for name in fields:
        for value in _variants(row[name]):
            yield {**row, name: value}
        yield {k: v for k, v in row.items() if k != name}  # missing
        yield {**{k: v for k, v in row.items() if k != name}, name + "X": row[name]}  # misspelt
    yield {**row, "unknownField": "x"}
    for name in ("from_", "to", "ratio", "position", "holderUscc", "holderId", "idType"):
        for value in ("2019-12-31", "2030-01-01", 0.5, "STAFF", "OTHER_VALID_ID", "other_valid_id"):
            yield {**row, name: value}
    for name in ("subjectUscc", "subjectIdNumber", "subjectId", "penaltyKind", "procedure"):
        for value in ("91110000600037341L", "11010519491231002X", "FINE", "SIMPLE"):
            yield {**row, name: value}
    for name in ("arrearsKind", "commitmentStatus", "validUntil", "publishedAt", "publicationEnd"):
        for value in ("TAX", "VIOLATED", "1999-01-01", "2099-01-01"):
            yield {**row, name: value}
    yield {**row, "debtResponsibleIdNumbers": ["11010519491231002X"]}
    yield {**row, "debtResponsibleIdNumbers": ["11010519491231002X", "110105194912310021"]}


def _seeds(city: dict[str, list[dict[str, Any]]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """A few rows of every shape: the first rows of each kind and of each role and record type,
    and the examples."""
    for kind, rows in city.items():
        seen: set[tuple[str, ...]] = set()
        for row in rows:
            shape = (row.get("role", ""), row.get("recordType", ""), *sorted(row))
            if shape not in seen:
                seen.add(shape)
                yield kind, row
    for kind, row in _examples():
        if kind in FAST_KINDS:
            yield kind, row


def test_mutated_rows_are_planned_as_the_model_plans_them_or_left_to_it(
    city: dict[str, list[dict[str, Any]]],
) -> None:
    comparison = Comparison()
    for kind, seed in _seeds(city):
        for row in _mutations(seed):
            comparison.check(kind, row)
    # Both paths were exercised many times over.
    assert comparison.fast > 5_000
    assert comparison.slow > 20_000


@pytest.mark.parametrize(
    ("kind", "row", "field", "reason"),
    [
        (
            "role",
            {"role": "LEGAL_REPRESENTATIVE_OF", "holderUscc": "91110000600037341L"},
            "role",
            "LEGAL_REPRESENTATIVE_OF cannot be held by an organisation",
        ),
        (
            "role",
            {"role": "SHAREHOLDER_OF", "holderUscc": "91110105MA01A00012"},
            "uscc",
            "an organisation cannot hold a role in itself",
        ),
        (
            "role",
            {"role": "DIRECTOR_OF", "holderIdNumber": _citizen("11010519800101001"), "ratio": 0.2},
            "ratio",
            "ratio applies only to roles that declare it, not DIRECTOR_OF",
        ),
        (
            "role",
            {
                "role": "DIRECTOR_OF",
                "holderIdNumber": _citizen("11010519800101001"),
                "position": "STAFF",
            },
            "position",
            "position applies only to EMPLOYED_BY, not DIRECTOR_OF",
        ),
        (
            "role",
            {
                "role": "DIRECTOR_OF",
                "holderIdNumber": _citizen("11010519800101001"),
                "to": "2019-12-31",
            },
            "to",
            "to (2019-12-31) is before from (2020-01-01)",
        ),
        (
            "role",
            {"role": "DIRECTOR_OF"},
            "holderIdNumber",
            "give exactly one of holderIdNumber, holderUscc, holderId",
        ),
    ],
)
def test_role_rules_give_the_same_reasons_as_before(
    kind: str, row: dict[str, Any], field: str, reason: str
) -> None:
    """The rules moved into `check_role`; the GraphQL mutations' messages did not change."""
    full = {"uscc": "91110105MA01A00012", "from": "2020-01-01", **row}
    with pytest.raises(ValidationError) as caught:
        RoleIn.model_validate(full, context=id_context(KEY))
    assert first_error(caught.value) == (field, reason)
    assert fast_plan(kind, full, id_context(KEY)) is None


@pytest.mark.parametrize(
    ("extra", "field", "reason"),
    [
        ({"recordType": "PERSON_DISHONESTY"}, "recordType", "PERSON_DISHONESTY records are derived by rules, not loaded"),  # noqa: E501
        ({"penaltyKind": "FINE"}, "penaltyKind", "penaltyKind applies only to ADMIN_PENALTY records"),  # noqa: E501
        ({"procedure": "SIMPLE"}, "procedure", "procedure applies only to ADMIN_PENALTY records"),
        ({"arrearsKind": "TAX"}, "arrearsKind", "arrearsKind applies only to ARREARS records"),
        ({"commitmentStatus": "VIOLATED"}, "commitmentStatus", "commitmentStatus applies only to COMMITMENT records"),  # noqa: E501
        ({"publishedAt": "2019-01-01"}, "publishedAt", "publishedAt (2019-01-01) is before decisionDate (2020-01-01)"),  # noqa: E501
        ({"publicationEnd": "2019-01-01"}, "publicationEnd", "publicationEnd (2019-01-01) is before decisionDate (2020-01-01)"),  # noqa: E501
        ({"publishedAt": "2021-01-01", "publicationEnd": "2020-06-01"}, "publicationEnd", "publicationEnd (2020-06-01) is before publishedAt (2021-01-01)"),  # noqa: E501
        ({"subjectId": "91110000600037341L"}, "subjectUscc", "give exactly one of subjectUscc, subjectIdNumber, subjectId"),  # noqa: E501
    ],
)  # fmt: skip
def test_record_rules_give_the_same_reasons_as_before(
    extra: dict[str, Any], field: str, reason: str
) -> None:
    row = {
        "recordId": "R-1",
        "recordType": "ADMIN_LICENSE",
        "subjectUscc": "91110105MA01A00012",
        "decisionDate": "2020-01-01",
        **extra,
    }
    with pytest.raises(ValidationError) as caught:
        RecordIn.model_validate(row, context=id_context(KEY))
    assert first_error(caught.value) == (field, reason)
    assert fast_plan("record", row, id_context(KEY)) is None


def test_person_keys_hold_the_birth_date_stdnum_reads(
    city: dict[str, list[dict[str, Any]]],
) -> None:
    """A person key holds the birth date and gender the number encodes (graph/identifiers.py)."""
    for row in city["person"]:
        number = row["idNumber"]
        key = person_key(number, KEY)
        assert key.birth_date == ric.get_birth_date(number)
        assert key.gender == ("MALE" if int(number[16]) % 2 else "FEMALE")
