"""The Cypher registry: every statement lives in `cypher/<area>/<verb>_<noun>.cypher`.

Files are read once, at import. A statement is referenced by name through `statement()`, usually
as a module-level constant, so a misspelt name fails when the module is imported, not in a request.
Each file opens with a header of `//` lines: free text (the docstring), then
`// @param NAME TYPE description` lines, one `// @returns col, col` line, and for the few
statements that need a label or relationship type chosen at run time,
`// @template TOKEN KIND description` lines (see `Statement.specialise`). The same header is
read by the Neo4j linter gate (`tools/cypherlint`) to declare parameters.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

# The top-level `cypher/` folder is a data package: found the same way in a source tree and in an
# installed wheel (pyproject.toml ships its *.cypher files as package data).
CYPHER_ROOT = Path(str(resources.files("cypher")))

_PARAM = re.compile(r"^//\s*@param\s+(\w+)\s+(\S+)\s*(.*)$")
_RETURNS = re.compile(r"^//\s*@returns\s*(.*)$")
_USED = re.compile(r"\$(\w+)")
_TEMPLATE = re.compile(r"^//\s*@template\s+(\w+)\s+(\w+)\s*(.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    doc: str


@dataclass(frozen=True)
class Statement:
    """One named Cypher statement with its declared parameters and result columns."""

    name: str
    text: str
    path: Path
    doc: str
    params: tuple[Param, ...] = ()
    returns: tuple[str, ...] = ()
    param_names: frozenset[str] = field(default=frozenset())
    templates: tuple[tuple[str, str], ...] = ()

    def specialise(self, allowed: Mapping[str, Collection[str]], **tokens: str) -> Statement:
        """Fill the file's `@template` placeholders (labels or relationship types).

        Cypher cannot take a label or relationship type as a parameter, so a template names a
        placeholder token that stands in the file as a real identifier (it lints and EXPLAINs
        as written). Each value must come from `allowed[kind]`, the whitelist derived from the
        declared model; nothing else can reach the statement text.
        """
        text = self.text
        for token, kind in self.templates:
            value = tokens.get(token)
            if value is None or value not in allowed.get(kind, ()):
                raise ValueError(f"{self.name}: {token}={value!r} is not an allowed {kind}")
            text = re.sub(rf"(?<=:){token}\b", value, text)
        suffix = ",".join(tokens[t] for t, _ in self.templates)
        return replace(self, name=f"{self.name}[{suffix}]", text=text, templates=())

    @property
    def body(self) -> str:
        """The statement without its header comments."""
        return "\n".join(
            line for line in self.text.splitlines() if not line.lstrip().startswith("//")
        ).strip()


class CypherFileError(ValueError):
    """A `.cypher` file whose header does not match its body."""


def parse(name: str, path: Path, text: str) -> Statement:
    doc: list[str] = []
    params: list[Param] = []
    returns: tuple[str, ...] = ()
    templates: list[tuple[str, str]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            if stripped:
                break
            continue
        if m := _PARAM.match(stripped):
            params.append(Param(m.group(1), m.group(2), m.group(3).strip()))
        elif m := _TEMPLATE.match(stripped):
            templates.append((m.group(1), m.group(2)))
        elif m := _RETURNS.match(stripped):
            returns = tuple(c.strip() for c in m.group(1).split(",") if c.strip())
        else:
            doc.append(stripped.lstrip("/").strip())
    stmt = Statement(
        name=name,
        text=text,
        path=path,
        doc=" ".join(d for d in doc if d),
        params=tuple(params),
        returns=returns,
        param_names=frozenset(p.name for p in params),
        templates=tuple(templates),
    )
    used = set(_USED.findall(stmt.body))
    if used != stmt.param_names:
        raise CypherFileError(
            f"{path}: parameters used {sorted(used)} but declared {sorted(stmt.param_names)}"
        )
    if not stmt.doc:
        raise CypherFileError(f"{path}: the header must say what the statement does")
    return stmt


class Registry:
    """All statements under one root folder, keyed by `area/file-stem`."""

    def __init__(self, root: Path = CYPHER_ROOT) -> None:
        self.root = root
        self._statements: dict[str, Statement] = {}
        for path in sorted(root.rglob("*.cypher")):
            name = path.relative_to(root).with_suffix("").as_posix()
            self._statements[name] = parse(name, path, path.read_text(encoding="utf-8"))

    def __getitem__(self, name: str) -> Statement:
        try:
            return self._statements[name]
        except KeyError:
            raise KeyError(f"no Cypher statement named {name!r} under {self.root}") from None

    def __iter__(self) -> Iterator[Statement]:
        return iter(self._statements.values())

    def __len__(self) -> int:
        return len(self._statements)

    def names(self) -> list[str]:
        return list(self._statements)

    def area(self, prefix: str) -> list[Statement]:
        """Statements whose name starts with `prefix/`, in name order (e.g. the schema)."""
        return [s for n, s in self._statements.items() if n.startswith(prefix + "/")]


REGISTRY = Registry()


def statement(name: str) -> Statement:
    """Look a statement up by name; call at import time so a wrong name fails early."""
    return REGISTRY[name]
