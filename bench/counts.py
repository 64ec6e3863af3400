"""Counting what is in the graph, to hold an import against the generator's manifest."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graph.cypher import statement
from graph.executor import Executor
from seeds.output import Manifest

COUNT_NODES = statement("stats/count_nodes_by_label")
COUNT_RELATIONSHIPS = statement("stats/count_relationships_by_type")


@dataclass
class GraphCounts:
    nodes: Counter[str] = field(default_factory=Counter)
    relationships: Counter[str] = field(default_factory=Counter)

    def differences(self, manifest: Manifest) -> list[str]:
        """Every label or type whose count differs from the manifest, as readable lines."""
        lines = []
        for kind, have, want in (
            ("nodes", self.nodes, manifest.nodes),
            ("relationships", self.relationships, manifest.relationships),
        ):
            for name in sorted(set(have) | set(want)):
                if have[name] != want[name]:
                    lines.append(f"{kind} {name}: graph {have[name]}, manifest {want[name]}")
        return lines


async def count_graph(executor: Executor) -> GraphCounts:
    nodes = await executor.read(COUNT_NODES)
    rels = await executor.read(COUNT_RELATIONSHIPS)
    return GraphCounts(
        nodes=Counter({r["label"]: r["count"] for r in nodes}),
        relationships=Counter({r["type"]: r["count"] for r in rels}),
    )
