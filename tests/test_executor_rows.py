"""Rows as the executor hands them out: one pass, same values as the driver's `Record.data()`."""

from __future__ import annotations

from datetime import date, datetime

import neo4j
from neo4j import time as ntime
from neo4j.graph import Graph, Node

from graph.executor import _row, to_native


def test_plain_rows_convert_dates_deeply_in_one_pass() -> None:
    record = neo4j.Record(  # type: ignore[no-untyped-call]
        {
            "s": "甲",
            "n": 3,
            "f": 0.25,
            "b": True,
            "none": None,
            "day": ntime.Date(2026, 6, 30),
            "nested": [{"at": ntime.DateTime(2026, 6, 30, 12, 0, 1)}, [ntime.Date(2020, 1, 2)]],
        }
    )
    row = _row(record)
    assert row == to_native(record.data())
    assert row["day"] == date(2026, 6, 30)
    assert type(row["day"]) is date
    assert row["nested"] == [{"at": datetime(2026, 6, 30, 12, 0, 1)}, [date(2020, 1, 2)]]
    assert list(row) == ["s", "n", "f", "b", "none", "day", "nested"]


def test_rows_with_graph_objects_are_flattened_as_the_driver_does() -> None:
    node = Node(Graph(), "4:x:1", 1, {"Subject"}, {"sid": "X", "since": ntime.Date(2020, 1, 1)})
    record = neo4j.Record({"n": node, "many": [node], "k": 1})  # type: ignore[no-untyped-call]
    row = _row(record)
    assert row == to_native(record.data())
    assert row["n"] == {"sid": "X", "since": date(2020, 1, 1)}
