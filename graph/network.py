"""Related-party networks: who is connected to a subject, how far, and through which path.

`related_parties` walks breadth-first, one batched statement per level, keeping the visited set
and parent pointers here. That gives every reached subject its distance and one shortest path
(the first found in a deterministic order) without enumerating paths in the database, and keeps
each level's cost proportional to the frontier, however the graph is shaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from graph.cypher import statement
from graph.errors import BadUserInput, LimitExceeded, NotFound
from graph.executor import Executor, Record
from graph.model import MODEL
from graph.subjects import subjects_by_sid

EXPAND_FRONTIER = statement("network/expand_frontier")
PATHS_BETWEEN = statement("network/paths_between")

MAX_DEPTH = 4


@dataclass(frozen=True)
class Link:
    """One role edge on a path, oriented as stored: holder -[role]-> organisation."""

    role: str
    holder: str
    organization: str
    start: date | None
    end: date | None
    ratio: float | None


@dataclass(frozen=True)
class Reached:
    node: Record
    distance: int
    nodes: tuple[Record, ...]  # from the start subject to `node`, both included
    links: tuple[Link, ...]


def _link(row: Record, parent: str) -> Link:
    holder, org = (parent, row["sid"]) if row["outgoing"] else (row["sid"], parent)
    return Link(row["role"], holder, org, row["roleFrom"], row["roleTo"], row["ratio"])


def check_depth(max_depth: int) -> None:
    if not 1 <= max_depth <= MAX_DEPTH:
        raise BadUserInput(
            f"maxDepth must be between 1 and {MAX_DEPTH}, got {max_depth}",
            field="maxDepth",
            limit=MAX_DEPTH,
        )


async def related_parties(
    executor: Executor,
    sid: str,
    *,
    max_depth: int = 2,
    roles: Sequence[str] | None = None,
    as_of: date | None = None,
    max_nodes: int = 20_000,
) -> list[Reached]:
    """Every subject within `max_depth` role/ownership hops, nearest first (then by id)."""
    check_depth(max_depth)
    start = (await subjects_by_sid(executor, [sid])).get(sid)
    if start is None:
        raise NotFound(f"no subject with id {sid}", id=sid)
    role_list = list(roles) if roles else list(MODEL.roles)
    day = as_of or date.today()
    parent: dict[str, tuple[str, Link] | None] = {sid: None}
    rows_by_sid: dict[str, Record] = {sid: start}
    distance: dict[str, int] = {sid: 0}
    frontier = [sid]
    for depth in range(1, max_depth + 1):
        if not frontier:
            break
        rows = await executor.read(EXPAND_FRONTIER, sids=frontier, roles=role_list, asOf=day)
        rows.sort(key=lambda r: (r["fromSid"], r["role"], r["sid"], str(r["roleFrom"])))
        next_frontier: list[str] = []
        for row in rows:
            reached = row["sid"]
            if reached in parent:
                continue
            parent[reached] = (row["fromSid"], _link(row, row["fromSid"]))
            rows_by_sid[reached] = row
            distance[reached] = depth
            next_frontier.append(reached)
        if len(parent) > max_nodes:
            raise LimitExceeded(
                f"the network within {max_depth} hops exceeds {max_nodes} subjects; "
                "lower maxDepth or filter roles",
                limit=max_nodes,
            )
        frontier = next_frontier

    def path(to: str) -> tuple[tuple[Record, ...], tuple[Link, ...]]:
        nodes, links = [rows_by_sid[to]], []
        step = parent[to]
        while step is not None:
            prev, link = step
            links.append(link)
            nodes.append(rows_by_sid[prev])
            step = parent[prev]
        return tuple(reversed(nodes)), tuple(reversed(links))

    found = [s for s in parent if s != sid]
    found.sort(key=lambda s: (distance[s], s))
    return [Reached(rows_by_sid[s], distance[s], *path(s)) for s in found]


@dataclass(frozen=True)
class Path:
    nodes: tuple[Record, ...]
    links: tuple[Link, ...]


async def paths_between(
    executor: Executor, source: str, target: str, *, max_depth: int = 4, limit: int = 5
) -> list[Path]:
    """Shortest connecting paths (all of the same, minimal length), at most `limit`."""
    check_depth(max_depth)
    known = await subjects_by_sid(executor, [source, target])
    for sid in (source, target):
        if sid not in known:
            raise NotFound(f"no subject with id {sid}", id=sid)
    if source == target:
        return [Path(nodes=(known[source],), links=())]
    rows = await executor.read(
        PATHS_BETWEEN, maxDepth=max_depth, limit=limit, **{"from": source, "to": target}
    )
    paths = [
        Path(
            nodes=tuple(row["nodes"]),
            links=tuple(
                Link(r["role"], r["holder"], r["organization"], r["from"], r["to"], r["ratio"])
                for r in row["rels"]
            ),
        )
        for row in rows
    ]
    paths.sort(key=lambda p: [n["sid"] for n in p.nodes])
    return paths
