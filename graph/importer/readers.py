"""Reading feed files into (file, line, row) triples: JSON Lines and CSV.

Readers do not validate; they only turn a line into a dict (or say why they could not) and attach
the kind given by the file name or `--kind`. Empty values are dropped, so a missing cell and an
empty one mean the same: "not given".
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.errors import BadUserInput
from graph.inputs import IMPORT_MODELS

Row = tuple[str, int, dict[str, Any]]
KIND = "kind"
# A row the reader could not turn into a dict carries only this key, with the reason.
UNREADABLE = "__unreadable__"
LIST_FIELDS = frozenset({"debtResponsibleIdNumbers"})
LIST_SEPARATOR = ";"

# File-name prefixes (compacted: lower case, no separators) → kind, longest first.
_KIND_ALIASES: dict[str, str] = {}
for _kind in IMPORT_MODELS:
    _stem = _kind.lower()
    _KIND_ALIASES[_stem] = _kind
    _KIND_ALIASES[_stem + "s"] = _kind
    if _stem.endswith("y"):
        _KIND_ALIASES[_stem[:-1] + "ies"] = _kind
_KIND_ALIASES.update(people="person", organisation="organization", organisations="organization")
_BY_LENGTH = sorted(_KIND_ALIASES, key=len, reverse=True)


def kind_from_name(path: Path) -> str | None:
    """`organizations-2024.csv` → organization, `list_entries.csv` → listEntry; else None."""
    compact = re.sub(r"[^a-z]", "", path.stem.lower())
    return next((_KIND_ALIASES[a] for a in _BY_LENGTH if compact.startswith(a)), None)


@lru_cache(maxsize=256)  # called for every row, nearly always with one of a few spellings
def normalise_kind(value: str) -> str | None:
    """A kind as written in a row or on the command line (`listEntry`, `list_entries`, `roles`)."""
    return _KIND_ALIASES.get(re.sub(r"[^a-z]", "", value.lower()))


def read_jsonl(path: Path, kind: str | None = None) -> Iterator[Row]:
    """One object per line; blank lines are skipped; `kind` is the default for rows without one."""
    name = str(path)
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                data = _loads(raw)
            except UnicodeDecodeError:
                yield name, number, {UNREADABLE: "the line is not UTF-8"}
                continue
            except ValueError as exc:
                yield name, number, {UNREADABLE: f"invalid JSON: {exc}"}
                continue
            if not isinstance(data, dict):
                yield name, number, {UNREADABLE: "the line is not a JSON object"}
                continue
            if None in data.values():
                data = {k: v for k, v in data.items() if v is not None}
            row: dict[str, Any] = data
            if kind is not None:
                row.setdefault(KIND, kind)
            yield name, number, row


# What `json.loads` does with a string: its decoder's `raw_decode`, then a check that only JSON
# whitespace follows the value.
_DECODER = json.JSONDecoder()
_JSON_SPACE = " \t\n\r"


def _loads(raw: bytes) -> Any:
    """`json.loads(raw)`, quicker for the usual line: an object's line (`{`, no UTF-16/32 NUL
    byte next) is UTF-8 for `json.loads`, so it is decoded here without its encoding sniffing
    and scanned without its whitespace regexes. Any line that does not decode cleanly is left
    to `json.loads`, and so are its errors."""
    if raw[:1] != b"{" or raw[1:2] == b"\0":
        return json.loads(raw)
    text = raw.decode("utf-8", "surrogatepass")
    try:
        value, end = _DECODER.raw_decode(text)
    except ValueError:
        return json.loads(text)
    if text[end:].strip(_JSON_SPACE):
        return json.loads(text)  # "Extra data"
    return value


def read_csv(path: Path, file_kind: str) -> Iterator[Row]:
    """A header row, then one row per record, all of `file_kind` (unless a row says otherwise)."""
    name = str(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            start = 2
            for record in reader:
                row: dict[str, Any] = {}
                for key, value in record.items():
                    if key is None:
                        row[UNREADABLE] = "the row has more cells than the header"
                    elif value is not None and value.strip() != "":
                        row[key.strip()] = _cell(key.strip(), value.strip())
                row.setdefault(KIND, file_kind)
                yield name, start, row
                start = reader.line_num + 1
    except UnicodeDecodeError as exc:
        raise BadUserInput(f"{path}: the file is not UTF-8 ({exc.reason})") from None


def _cell(key: str, value: str) -> Any:
    if key in LIST_FIELDS:
        return [v.strip() for v in value.split(LIST_SEPARATOR) if v.strip()]
    return value


def read_file(path: Path, kind: str | None = None) -> Iterator[Row]:
    """Rows of a `.jsonl` / `.ndjson` or `.csv` file; raises at once for a file it cannot read."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return read_jsonl(path, kind)
    if suffix == ".csv":
        file_kind = kind or kind_from_name(path)
        if file_kind is None:
            raise BadUserInput(
                f"{path}: cannot tell the kind of rows from the file name; name it after the "
                f"kind (e.g. roles.csv) or pass --kind ({', '.join(IMPORT_MODELS)})"
            )
        return read_csv(path, file_kind)
    raise BadUserInput(f"{path}: unsupported file type {suffix!r} (use .jsonl or .csv)")


def count_lines(path: Path) -> int:
    """Lines in a file (a progress bar's total); cheap, reads raw bytes."""
    total = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            total += chunk.count(b"\n")
    return total
