"""Statement rows with dates in Bolt form (graph/importer/wire.py) are what the driver would send.

The importer and the floor hand the driver prebuilt Bolt Date structures instead of `date`
objects, to skip the driver's per-date Python hook. The packed message must be byte for byte the
driver's own for the same rows, and the database must store real dates.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from neo4j._codec.hydration.bolt.v2.hydration_handler import HydrationHandler
from neo4j._codec.packstream.v1 import Packer

from graph.cypher import statement
from graph.executor import Executor
from graph.importer import import_rows
from graph.importer.wire import STRUCTURE, wire_date, wire_row

KEY = b"test-hash-key"
RELATIONSHIP_PROPERTIES = statement("import/get_relationship_properties")
DAYS = [date.min, date(1, 1, 2), date(1969, 12, 31), date(1970, 1, 1), date(2024, 2, 29)]
DAYS += [date(1900, 1, 1) + timedelta(days=n * 97) for n in range(600)] + [date.max]


def packed(value: Any) -> bytes:
    """`value` as the driver packs it for a Bolt 5 connection (its own dehydration hooks)."""
    out = io.BytesIO()
    Packer(out).pack(value, HydrationHandler().dehydration_hooks)  # type: ignore[no-untyped-call]
    return out.getvalue()


def test_the_driver_internals_are_there() -> None:
    assert STRUCTURE is not None  # else dates silently go back to the driver's slow hook


def test_a_wire_date_packs_as_the_driver_packs_the_date() -> None:
    for day in DAYS:
        assert packed(wire_date(day)) == packed(day), day
        assert wire_date(day) is wire_date(date.fromordinal(day.toordinal()))  # once per day


def test_a_wire_row_packs_as_the_planned_row_would() -> None:
    params = {
        "h": "P0123456789ABCDEF",
        "o": "91110105MA01A00012",
        "f": date(2020, 1, 1),
        "d": ["P0123456789ABCDEF"],
        "p": {"to": date(2021, 6, 30), "ratio": 0.5, "when": datetime(2020, 1, 1, 8, 30)},
    }
    row = wire_row(7, params)
    assert list(row) == ["i", "h", "o", "f", "d", "p"]
    assert packed({"rows": [row]}) == packed({"rows": [{"i": 7, **params}]})
    assert params["f"] == date(2020, 1, 1)  # the planned row is left as it was


@pytest.mark.db
async def test_the_database_stores_real_dates(empty_graph: Executor) -> None:
    org = {"kind": "organization", "uscc": "91110105MA01A00012", "name": "示例", "region": "1"}
    other = {**org, "uscc": "91110105MA01A00025"}
    role = {
        "kind": "role",
        "role": "SHAREHOLDER_OF",
        "holderUscc": other["uscc"],
        "uscc": org["uscc"],
        "from": "1969-12-31",
        "to": "2024-02-29",
    }
    rows = [("feed", n, r) for n, r in enumerate([org, other, role], start=1)]
    summary = await import_rows(empty_graph, rows, id_key=KEY, progress=False)
    assert summary.rejected == 0
    [stored] = [
        r["props"]
        for r in await empty_graph.read(RELATIONSHIP_PROPERTIES)
        if r["type"] == "SHAREHOLDER_OF"
    ]
    assert stored == {"from": date(1969, 12, 31), "to": date(2024, 2, 29)}
    assert type(stored["from"]) is date
