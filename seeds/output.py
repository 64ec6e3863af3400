"""Where generated rows go: one JSONL file per kind, a fast line encoder, the running manifest.

The manifest is what importing the files must produce (nodes per label, relationships per type);
the import benchmark and the tests compare the database against it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

# One file per kind, in the order an importer should read them (nodes before the edges).
FILES: dict[str, str] = {
    "authority": "authorities.jsonl",
    "measure": "measures.jsonl",
    "organization": "organizations.jsonl",
    "person": "persons.jsonl",
    "role": "roles.jsonl",
    "record": "records.jsonl",
    "listEntry": "list_entries.jsonl",
}
MANIFEST = "manifest.json"
# Every node carries exactly one of these labels, so their counts add up to the node total.
PRIMARY_LABELS = ("Subject", "Authority", "CreditRecord", "ListEntry", "Measure")


def _unencodable(value: Any) -> Any:
    raise TypeError(f"cannot encode {type(value).__name__}")


# The C encoder behind `json.dumps`, built once: `json.dumps(..., ensure_ascii=False)` builds a
# new encoder per call, which costs more than encoding our small rows.
_c_encoder = getattr(json.encoder, "c_make_encoder", None)
if _c_encoder is not None:
    _encode = _c_encoder(
        None, _unencodable, json.encoder.encode_basestring, None, ":", ",", False, False, True
    )

    def encode_line(row: dict[str, Any]) -> str:
        """One compact JSON object (UTF-8, not \\u-escaped) and a newline."""
        return "".join(_encode(row, 0)) + "\n"

else:  # pragma: no cover - CPython always has the C encoder
    _ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))

    def encode_line(row: dict[str, Any]) -> str:
        """One compact JSON object (UTF-8, not \\u-escaped) and a newline."""
        return _ENCODER.encode(row) + "\n"


@dataclass
class Manifest:
    """What importing the files must produce: rows per kind, nodes per label, edges per type."""

    scale: int
    seed: int
    as_of: str
    rows: Counter[str] = field(default_factory=Counter)
    nodes: Counter[str] = field(default_factory=Counter)
    relationships: Counter[str] = field(default_factory=Counter)
    facts: Counter[str] = field(default_factory=Counter)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def total_nodes(self) -> int:
        return sum(self.nodes[label] for label in PRIMARY_LABELS)

    @property
    def total_relationships(self) -> int:
        return sum(self.relationships.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "generator": {"scale": self.scale, "seed": self.seed, "asOf": self.as_of},
            "files": {FILES[k]: self.rows[k] for k in FILES},
            "rows": {k: self.rows[k] for k in FILES},
            "nodes": dict(sorted(self.nodes.items())),
            "relationships": dict(sorted(self.relationships.items())),
            "facts": dict(sorted(self.facts.items())),
        }

    def write(self, out_dir: Path) -> Path:
        path = out_dir / MANIFEST
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=2)
        path.write_text(text + "\n", encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: Path) -> Manifest:
        data = json.loads(path.read_text(encoding="utf-8"))
        gen = data["generator"]
        return cls(
            scale=gen["scale"],
            seed=gen["seed"],
            as_of=gen["asOf"],
            rows=Counter(data["rows"]),
            nodes=Counter(data["nodes"]),
            relationships=Counter(data["relationships"]),
            facts=Counter(data["facts"]),
        )


class Output:
    """The open output files; `write` counts the row in the manifest."""

    def __init__(self, out_dir: Path, stack: ExitStack, manifest: Manifest) -> None:
        self.manifest = manifest
        self.files: dict[str, IO[str]] = {
            kind: stack.enter_context(
                (out_dir / name).open("w", encoding="utf-8", buffering=1 << 20)
            )
            for kind, name in FILES.items()
        }

    def write(self, kind: str, row: dict[str, Any]) -> None:
        self.files[kind].write(encode_line(row))
        self.manifest.rows[kind] += 1

    def write_line(self, kind: str, line: str) -> None:
        """A pre-encoded line, for the hot row kinds whose values need no escaping."""
        self.files[kind].write(line)
        self.manifest.rows[kind] += 1


def read_rows(paths: list[Path]) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """Rows of JSONL files as `(file name, line number, row)`, the importer's row stream."""
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, 1):
                if line.strip():
                    yield path.name, line_no, json.loads(line)
