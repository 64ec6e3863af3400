"""Statement rows as the driver sends them: dates already in their Bolt form.

The driver turns each `datetime.date` parameter into a Bolt Date structure in a Python hook that
builds a `neo4j.time.Date` of the epoch on every call: ~10 us a date, the largest single item of
the import client's CPU once validation was cheap (a role has one date, a record two or three).
The same structure, made once per distinct day and reused, packs byte for byte as the driver's
own (tests/test_import_wire.py), so the database receives and stores the same real date. The
structure class is the driver's internal one: should a release move it, dates are sent as they
are (the driver's hook again: slower, same result).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

EPOCH = date(1970, 1, 1).toordinal()  # Bolt counts a date's days from 1970-01-01
_KEPT = 1 << 16  # distinct days remembered (a feed spans a few thousand)


def _structure() -> Callable[[bytes, int], object] | None:
    try:
        from neo4j._codec.packstream import Structure
    except ImportError:  # pragma: no cover - a driver release moved its internals
        return None
    structure: Callable[[bytes, int], object] = Structure
    return structure


STRUCTURE = _structure()
_DAYS: dict[date, object] = {}


def wire_date(value: date) -> object:
    """`value` as the Bolt Date structure the driver would make of it (a plain `date` only)."""
    hit = _DAYS.get(value)
    if hit is None:
        if STRUCTURE is None:
            return value
        hit = STRUCTURE(b"D", value.toordinal() - EPOCH)
        if len(_DAYS) >= _KEPT:
            _DAYS.clear()
        _DAYS[value] = hit
    return hit


def wire_row(i: int, params: Mapping[str, Any]) -> dict[str, Any]:
    """A planned row as an element of its statement's `$rows`: its number in the batch, then its
    parameters, with the dates among them and in its property map in Bolt form."""
    row: dict[str, Any] = {"i": i}
    for key, value in params.items():
        kind = type(value)
        if kind is date:
            value = wire_date(value)
        elif kind is dict:
            value = {k: wire_date(v) if type(v) is date else v for k, v in value.items()}
        row[key] = value
    return row
