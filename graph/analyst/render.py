"""Analyst query results as JSON, with protected personal data taken out: the last layer.

Nodes become `{labels, properties}` and relationships `{type, properties}` (element ids are
internal and never shown), paths the list of their nodes and relationships in order, temporal
values ISO 8601 strings, points `{srid, coordinates}`. For a caller without personal-data rights
every protected key (`MODEL.protected_properties`, compared case-insensitively) is removed from
nodes, relationships, maps and column names, and a string that looks like an ArcadeDB record
dump (`#12:0[name=…]`) or names a protected key (`idHash=…`) is withheld (null): the guard
should have stopped both, and this layer does not trust that it did. `redactions` counts what
was taken out.
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from neo4j import graph as ng
from neo4j import spatial
from neo4j import time as ntime

from graph.executor import Fetched
from graph.model import MODEL

_RECORD_DUMP = re.compile(r"#-?\d+:-?\d+\[")


class Renderer:
    """Turns driver values into JSON values, counting what it withheld."""

    def __init__(self, *, personal_data: bool) -> None:
        names = () if personal_data else sorted(MODEL.protected_properties)
        self.protected = frozenset(n.lower() for n in names)
        self._mention = (
            re.compile(
                r"(?<![A-Za-z0-9_])(?:" + "|".join(map(re.escape, names)) + r")\s*[=:]", re.I
            )
            if names
            else None
        )
        self.redactions = 0

    def hidden(self, key: str) -> bool:
        if key.lower() in self.protected:
            self.redactions += 1
            return True
        return False

    def properties(self, entity: ng.Entity) -> dict[str, Any]:
        return {k: self.value(v) for k, v in entity.items() if not self.hidden(k)}

    def value(self, v: Any) -> Any:
        if v is None or isinstance(v, bool | int):
            return v
        if isinstance(v, str):
            return self.text(v)
        if isinstance(v, float):
            return v if math.isfinite(v) else str(v)
        if isinstance(v, ng.Node):
            return {"labels": sorted(v.labels), "properties": self.properties(v)}
        if isinstance(v, ng.Relationship):
            return {"type": v.type, "properties": self.properties(v)}
        if isinstance(v, ng.Path):
            steps: list[Any] = [self.value(v.start_node)]
            for rel, node in zip(v.relationships, v.nodes[1:], strict=True):
                steps += [self.value(rel), self.value(node)]
            return steps
        if isinstance(v, ntime.Date | ntime.DateTime | ntime.Time):
            return v.to_native().isoformat()  # to the microsecond, as the rest of the API
        if isinstance(v, ntime.Duration):
            return v.iso_format()
        if isinstance(v, datetime | date | time):
            return v.isoformat()
        if isinstance(v, timedelta):
            return str(v)
        if isinstance(v, spatial.Point):
            return {"srid": v.srid, "coordinates": list(v)}
        if isinstance(v, bytes | bytearray):
            return base64.b64encode(bytes(v)).decode("ascii")
        if isinstance(v, Mapping):
            return {str(k): self.value(x) for k, x in v.items() if not self.hidden(str(k))}
        if isinstance(v, list | tuple):
            return [self.value(x) for x in v]
        return self.text(str(v))

    def text(self, s: str) -> str | None:
        if self._mention is not None and (_RECORD_DUMP.search(s) or self._mention.search(s)):
            self.redactions += 1
            return None
        return s


def render(fetched: Fetched, *, personal_data: bool) -> tuple[list[str], list[list[Any]], int]:
    """Columns, rows as JSON values, and how many values were withheld."""
    r = Renderer(personal_data=personal_data)
    keep = [i for i, c in enumerate(fetched.columns) if not r.hidden(c)]
    redacted_columns = r.redactions * len(fetched.rows)
    r.redactions = 0
    rows = [[r.value(row[i]) for i in keep] for row in fetched.rows]
    return [fetched.columns[i] for i in keep], rows, r.redactions + redacted_columns
