"""The import's fast paths write and read what the plain ones did.

* The create statements write their properties inline (a SET after a CREATE costs ArcadeDB far
  more): every property a planner can set must be in its lane's statement, and a created node or
  role must hold exactly the planned properties (no stored nulls, the defaults where none given).
* JSON Lines are decoded without `json.loads`' encoding sniffing and whitespace regexes when a
  line plainly is an object: the rows, and the reasons for unreadable lines, are those of
  `json.loads`.
* The USCC check digit is computed without stdnum's cleaning: same digit, same verdicts.
* With no batch in flight, a buffer is written before it is full: same outcome.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from stdnum.cn import uscc

from graph.cypher import statement
from graph.errors import BadUserInput
from graph.executor import Executor
from graph.identifiers import PersonKey, normalize_uscc
from graph.importer import import_files, loader
from graph.importer.kinds import (
    AUTHORITIES,
    CHILD_AUTHORITIES,
    LANES,
    LIST_ENTRIES,
    MEASURES,
    ORGANIZATIONS,
    PERSONS,
    RECORDS,
    ROLES,
    Lane,
    Planned,
    plan,
)
from graph.importer.readers import KIND, UNREADABLE, read_jsonl
from graph.inputs import IMPORT_MODELS, id_context
from graph.model import MODEL

KEY = b"test-hash-key"
NODE_PROPERTIES = statement("import/get_node_properties")
RELATIONSHIP_PROPERTIES = statement("import/get_relationship_properties")
EXAMPLES = Path(__file__).resolve().parents[1] / "seeds" / "examples"
_SET_PROPERTY = re.compile(r"\br\.p\.(\w+)")

# What a create statement sets on a new node besides the planned properties: its key, and the
# defaults a row may override.
KEY_PROPERTY = {
    ORGANIZATIONS: "sid",
    PERSONS: "sid",
    AUTHORITIES: "authorityId",
    CHILD_AUTHORITIES: "authorityId",
    MEASURES: "code",
    RECORDS: "recordId",
    LIST_ENTRIES: "entryId",
}
DEFAULTS: dict[Lane, dict[str, Any]] = {
    ORGANIZATIONS: {"status": "ACTIVE", "isSOE": False},
    PERSONS: {"kind": "NATURAL_PERSON"},
    MEASURES: {"published": False},
    RECORDS: {"status": "PUBLISHED"},
    LIST_ENTRIES: {"status": "ACTIVE"},
}


def _every_field_given(kind: str, **unset: None) -> Planned:
    """A row of `kind` with every field set but `unset` (not validated: only its plan is
    looked at)."""
    model = IMPORT_MODELS[kind]
    key = PersonKey("h" * 64, "1101**********0021", "P0123456789ABCDEF", date(1980, 1, 1), "MALE")
    chosen = {
        "orgKind": next(iter(MODEL.organization_kinds)),
        "recordType": next(t for t, spec in MODEL.record_types.items() if not spec.derived),
        "role": next(iter(MODEL.roles)),
        "parentId": "PARENT",
        "debtResponsibleIdNumbers": [key],
    }
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in chosen:
            values[name] = chosen[name]
        elif name.endswith(("IdNumber", "idNumber")):
            values[name] = key
        else:
            values[name] = 1 if info.annotation in (int, int | None, float | None) else "x"
    return plan(model.model_construct(**(values | unset)))


@pytest.mark.parametrize(
    ("kind", "unset"),
    [(kind, {}) for kind in IMPORT_MODELS] + [("authority", {"parentId": None})],
)
def test_every_property_a_planner_sets_is_in_its_create_statement(
    kind: str, unset: dict[str, None]
) -> None:
    planned = _every_field_given(kind, **unset)
    inline = set(_SET_PROPERTY.findall(planned.lane.create.body))
    assert set(planned.params["p"]) == inline


def test_every_lane_creates_its_properties_inline() -> None:
    for lane in LANES:
        assert "SET" not in lane.create.body.upper().split(), lane.create.name
        assert _SET_PROPERTY.search(lane.create.body), lane.create.name


def _example_plans() -> list[Planned]:
    context = id_context(KEY)
    plans = []
    for path in sorted(EXAMPLES.glob("*.jsonl")):
        for _file, _line, row in read_jsonl(path):
            fields = {k: v for k, v in row.items() if k != KIND}
            plans.append(plan(IMPORT_MODELS[row[KIND]].model_validate(fields, context=context)))
    return plans


def _frozen(props: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, repr(v)) for k, v in props.items()))


@pytest.mark.db
async def test_created_nodes_and_roles_hold_exactly_the_planned_properties(
    empty_graph: Executor,
) -> None:
    summary = await import_files(
        empty_graph, sorted(EXAMPLES.glob("*.jsonl")), id_key=KEY, progress=False
    )
    assert summary.rejected == 0
    assert summary.created == summary.rows

    expected_nodes: dict[str, dict[str, Any]] = {}
    expected_roles: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    for planned in _example_plans():
        p = planned.params["p"]
        if planned.lane is ROLES:
            expected_roles.append((planned.group, _frozen({"from": planned.params["f"], **p})))
        else:
            name = KEY_PROPERTY[planned.lane]
            own = {name: planned.params["k"]}
            expected_nodes[str(planned.key)] = own | DEFAULTS.get(planned.lane, {}) | p

    stored: dict[str, dict[str, Any]] = {}
    for node in await empty_graph.read(NODE_PROPERTIES):
        props = node["props"]
        key = next((props[k] for k in set(KEY_PROPERTY.values()) if k in props), None)
        if key is not None:
            stored[str(key)] = props
    assert stored == expected_nodes
    assert all(v is not None for props in stored.values() for v in props.values())

    roles = [
        (r["type"], _frozen(r["props"]))
        for r in await empty_graph.read(RELATIONSHIP_PROPERTIES)
        if r["type"] in MODEL.roles
    ]
    assert sorted(roles) == sorted(expected_roles)


LINES = [
    b'{"kind": "person", "name": "\xe7\x8e\x8b", "phone": null}\n',  # a null value is dropped
    b'{"name": "a", "name": "b"}\n',  # the last of two equal keys, as json.loads keeps it
    b'\xef\xbb\xbf{"name": "bom"}\n',  # a UTF-8 byte-order mark: json.loads accepts it
    b'{"name": "\\ud800"}\n',  # an escaped lone surrogate
    b'{"name": "\xed\xa0\x80"}\n',  # an encoded one (json.loads decodes with surrogatepass)
    b'{"name": "\xff"}\n',  # not UTF-8
    b'{"name": }\n',  # not JSON
    b'{"name": "x"} trailing\n',
    b"[1, 2]\n",  # not an object
    b'  {"name": "indented"}\n',
    b'"\x00{"\n',
    b'{"name": "ff"}\x0c\n',  # a form feed after the object: not JSON whitespace
    b'{"name": "ws"} \t\r\n',  # JSON whitespace after it: fine
    b'{"name": [1, 2}\n',
    b'{"amount": NaN, "ratio": -Infinity}\n',  # json.loads accepts these
    b'{"kind": "a"}{"kind": "b"}\n',
    b"\n",  # blank: skipped
    b"{}",  # the last line, without its newline
]


def _reference(raw: bytes) -> dict[str, Any] | None:
    """What the reader made of a line before the fast path: `json.loads` on the bytes."""
    if not raw.strip():
        return None
    try:
        data = json.loads(raw)
    except UnicodeDecodeError:
        return {UNREADABLE: "the line is not UTF-8"}
    except ValueError as exc:
        return {UNREADABLE: f"invalid JSON: {exc}"}
    if not isinstance(data, dict):
        return {UNREADABLE: "the line is not a JSON object"}
    return {k: v for k, v in data.items() if v is not None}


def test_jsonl_lines_read_as_json_loads_reads_them(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"".join(LINES))
    expected = [
        (str(path), n, row)
        for n, raw in enumerate(LINES, start=1)
        if (row := _reference(raw)) is not None
    ]
    assert list(read_jsonl(path)) == expected
    assert [row for _f, _n, row in read_jsonl(path, "person")][-1] == {KIND: "person"}


def test_the_cached_uscc_check_agrees_with_stdnum() -> None:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    rng = random.Random(11)
    for _ in range(2000):
        body = "".join(rng.choice("0123456789") for _ in range(8))
        body += "".join(rng.choice(alphabet) for _ in range(9))
        digit = uscc.calc_check_digit(body + "0")
        assert normalize_uscc((body + digit).lower()) == body + digit
        assert normalize_uscc(body + digit) == body + digit  # the second time from the cache
        wrong = alphabet[(alphabet.index(digit) + 1) % len(alphabet)]
        for _ in range(2):  # a failure is never cached
            with pytest.raises(BadUserInput, match="invalid USCC"):
                normalize_uscc(body + wrong)
    with pytest.raises(BadUserInput, match="invalid format"):
        normalize_uscc("91110105MA01I00012")  # I is not in the alphabet


@pytest.mark.db
async def test_with_no_batch_in_flight_a_buffer_is_written_before_it_is_full(
    empty_graph: Executor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes: list[int] = []
    real = loader.write_batch

    async def counted(executor: Executor, lane: Lane, rows: list[Planned], **kw: Any) -> Any:
        sizes.append(len(rows))
        return await real(executor, lane, rows, **kw)

    monkeypatch.setattr(loader, "EARLY", 4)
    monkeypatch.setattr(loader, "write_batch", counted)
    rows = [{"kind": "authority", "authorityId": f"A-{n}", "name": f"局{n}"} for n in range(10)]
    rows[6]["level"] = "NOT-A-LEVEL"
    feed = tmp_path / "authorities.jsonl"
    feed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")

    summary = await import_files(empty_graph, [feed], id_key=KEY, progress=False, batch_size=1000)

    assert sizes[0] == 4  # nothing was in flight: the first four rows did not wait for 1,000
    assert sum(sizes) == 9
    assert (summary.created, summary.rejected) == (9, 1)
    assert [(r.line, r.field) for r in summary.sample] == [(7, "level")]
