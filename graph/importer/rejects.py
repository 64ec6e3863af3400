"""Rejected rows: why, where, and a copy of the row that never carries a raw ID number.

Rejects are streamed to `<file>.rejects.jsonl` (or one `--rejects` file) as
`{"file", "line", "field", "reason", "row"}`. The row is scrubbed first: the ID-number fields are
dropped, and anything else shaped like a citizen ID number (a misnamed column, a number pasted into
a name) is masked, in the row and in the reason.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from graph.inputs import RAW_ID_FIELDS

# 18-character citizen IDs and the old 15-digit ones, wherever they appear.
_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")


def _mask(match: re.Match[str]) -> str:
    number = match.group(1)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def scrub_text(text: str) -> str:
    """Mask anything in `text` shaped like a citizen ID number."""
    return _ID_LIKE.sub(_mask, text)


def scrub(value: Any) -> Any:
    """A copy of a row without raw ID numbers (fields dropped, look-alikes masked)."""
    if isinstance(value, dict):
        return {
            k: scrub(v)
            for k, v in value.items()
            if k not in RAW_ID_FIELDS and "idnumber" not in str(k).lower()
        }
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, str):
        return scrub_text(value)
    return value


@dataclass(frozen=True)
class Reject:
    """One rejected row: where it was, which field is to blame and why."""

    file: str
    line: int
    field: str | None
    reason: str
    row: dict[str, Any]

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"

    def to_json(self) -> str:
        record = {
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "reason": self.reason,
            "row": self.row,
        }
        return json.dumps(record, ensure_ascii=False, default=str)


def reject(file: str, line: int, field: str | None, reason: str, row: dict[str, Any]) -> Reject:
    """A reject with its row and reason scrubbed of raw ID numbers."""
    return Reject(file, line, field, scrub_text(reason), scrub(row))


@dataclass
class RejectsWriter:
    """Streams rejects to the file `target(input_file)` names (None: keep them in memory only).

    A rejects file is rewritten by each run that rejects a row of its input and removed by a run
    that rejects none, so it never describes an older run.
    """

    target: Callable[[str], Path | None]
    keep: int = 20
    sample: list[Reject] = field(default_factory=list)
    written: dict[Path, int] = field(default_factory=dict)
    _handles: dict[Path, IO[str]] = field(default_factory=dict)

    def add(self, item: Reject) -> None:
        if len(self.sample) < self.keep:
            self.sample.append(item)
        path = self.target(item.file)
        if path is None:
            return
        handle = self._handles.get(path)
        if handle is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = self._handles[path] = path.open("w", encoding="utf-8")
        handle.write(item.to_json() + "\n")
        self.written[path] = self.written.get(path, 0) + 1

    def close(self, inputs: list[str] = []) -> None:  # noqa: B006 - read only
        """Close the files; remove stale rejects files of `inputs` that got no reject now."""
        for handle in self._handles.values():
            handle.close()
        self._handles.clear()
        for name in inputs:
            path = self.target(name)
            if path is not None and path not in self.written:
                path.unlink(missing_ok=True)
