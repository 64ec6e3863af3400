"""The graph as an analyst's Cypher sees it, derived from the declared model (domain.yaml).

Labels with the properties a node under them may carry, relationship types with their ends and
properties, protected personal data left out (`personal_data.protected`). It answers the
`graphModel` query and is written out as docs/graph-model.md (`python -m graph.model.readable`;
a test fails when the file is stale), so nobody needs `db.labels()` (refused by the analyst
guard: a procedure call) to find their way around the graph.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from graph.model import MODEL, DomainModel

DOC_FILE = Path(__file__).resolve().parents[2] / "docs" / "graph-model.md"
DOC_PATH = "docs/graph-model.md"
ROLE_PROPERTIES = ("from", "to")  # every role: first and last day


@dataclass(frozen=True)
class Label:
    name: str
    description: str
    also: tuple[str, ...]  # the labels a node under this one always carries too
    key: str | None
    properties: tuple[str, ...]


@dataclass(frozen=True)
class RelationshipType:
    name: str
    description: str
    start: tuple[str, ...]
    end: tuple[str, ...]
    properties: tuple[str, ...]


@dataclass(frozen=True)
class GraphModel:
    labels: tuple[Label, ...]
    relationship_types: tuple[RelationshipType, ...]


def _props(model: DomainModel, *labels: str) -> tuple[str, ...]:
    protected = model.protected_properties
    found: list[str] = []
    for label in labels:
        node = model.nodes.get(label)
        if node is not None:
            found += [node.key] if node.key else []
            found += node.unique
            found += [p for props in node.index for p in props]
        found += model.readable.node_properties.get(label, [])
    return tuple(p for p in dict.fromkeys(found) if p not in protected)


def derive(model: DomainModel = MODEL) -> GraphModel:
    labels: list[Label] = []
    for name, node in model.nodes.items():
        also = ("Subject",) if name in ("Organization", "Person") else ()
        labels.append(Label(name, "", also, node.key, _props(model, *also, name)))
    org_props = _props(model, "Subject", "Organization")
    for kind, org in model.organization_kinds.items():
        labels.append(
            Label(org.label, f"{org.zh} ({kind})", ("Organization", "Subject"), "uscc", org_props)
        )
    record_props = _props(model, "CreditRecord")
    for kind, record in model.record_types.items():
        labels.append(
            Label(
                record.label, f"{record.zh} ({kind})", ("CreditRecord",), "recordId", record_props
            )
        )
    types: list[RelationshipType] = []
    for name, role in model.roles.items():
        text = role.zh + (f"; {role.note}" if role.note else "")
        props = (*ROLE_PROPERTIES, *role.properties)
        types.append(RelationshipType(name, text, tuple(role.holders), ("Organization",), props))
    for name, rel in model.readable.relationships.items():
        types.append(
            RelationshipType(name, "", tuple(rel.from_), tuple(rel.to), tuple(rel.properties))
        )
    return GraphModel(tuple(labels), tuple(types))


@cache
def graph_model() -> GraphModel:
    return derive(MODEL)


def markdown(model: GraphModel | None = None) -> str:
    """docs/graph-model.md: the same content as the `graphModel` query."""
    m = model or graph_model()
    out = [
        "# The graph model (what analyst Cypher may read)",
        "",
        "Generated from `graph/model/domain.yaml` by `python -m graph.model.readable > "
        f"{DOC_PATH}`; do not edit. The `graphModel` query answers the same. Protected personal "
        "data (" + ", ".join(f"`{p}`" for p in MODEL.personal_data.protected) + ") is never "
        "readable by analysts and is not listed.",
        "",
        "## Labels",
        "",
        "| label | also | key | properties |",
        "|---|---|---|---|",
    ]
    for label in m.labels:
        name = f"`{label.name}`" + (f" {label.description}" if label.description else "")
        also = ", ".join(f"`{a}`" for a in label.also)
        key = f"`{label.key}`" if label.key else ""
        out.append(f"| {name} | {also} | {key} | {', '.join(label.properties)} |")
    out += [
        "",
        "## Relationship types",
        "",
        "| type | from | to | properties |",
        "|---|---|---|---|",
    ]
    for rel in m.relationship_types:
        name = f"`{rel.name}`" + (f" {rel.description}" if rel.description else "")
        start, end = ", ".join(rel.start), ", ".join(rel.end)
        out.append(f"| {name} | {start} | {end} | {', '.join(rel.properties)} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover - the documented way to regenerate the file
    sys.stdout.write(markdown())
