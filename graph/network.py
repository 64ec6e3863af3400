"""Related-party networks: who is connected to a subject, how far, and through which path.

`related_parties` walks breadth-first, one batched statement per level, keeping the visited set
and parent pointers here. That gives every reached subject its distance and one shortest path
(the first found in a deterministic order) without enumerating paths in the database, and keeps
each level's cost proportional to the frontier, however the graph is shaped.

What travels back is kept small, because decoding rows is what a level costs beyond the
traversal itself: a level returns each newly reached subject once, with the edge that reached it
first; the last level returns only its size and the page the caller shows. A caller that does
not need the total stops at the first level that fills its page.
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
EXPAND_LAST_LEVEL = statement("network/expand_last_level")
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


@dataclass(frozen=True)
class Related:
    """A window of the subjects reached, nearest first (then by id), and how many there are.

    `total` is None when the walk stopped early because the caller did not ask for it.
    """

    reached: list[Reached]
    total: int | None


def _link(via: Record, to: str) -> Link:
    parent = via["fromSid"]
    holder, org = (parent, to) if via["outgoing"] else (to, parent)
    return Link(via["role"], holder, org, via["roleFrom"], via["roleTo"], via["ratio"])


def check_depth(max_depth: int) -> None:
    if not 1 <= max_depth <= MAX_DEPTH:
        raise BadUserInput(
            f"maxDepth must be between 1 and {MAX_DEPTH}, got {max_depth}",
            field="maxDepth",
            limit=MAX_DEPTH,
        )


def _too_many(max_depth: int, max_nodes: int) -> LimitExceeded:
    return LimitExceeded(
        f"the network within {max_depth} hops exceeds {max_nodes} subjects; "
        "lower maxDepth or filter roles",
        limit=max_nodes,
    )


async def related_parties(
    executor: Executor,
    sid: str,
    *,
    max_depth: int = 2,
    roles: Sequence[str] | None = None,
    as_of: date | None = None,
    skip: int = 0,
    limit: int | None = None,
    count: bool = True,
    max_nodes: int = 20_000,
) -> Related:
    """Subjects within `max_depth` role/ownership hops, by (distance, id): rows `skip` to
    `skip + limit` of that order (all of them without `limit`), and the total.

    With `count=False` the walk ends at the first level after which `skip + limit` subjects are
    known (the window is complete: deeper subjects sort after it) and `total` is None.
    """
    check_depth(max_depth)
    start = (await subjects_by_sid(executor, [sid])).get(sid)
    if start is None:
        raise NotFound(f"no subject with id {sid}", id=sid)
    role_list = list(roles) if roles else list(MODEL.roles)
    day = as_of or date.today()
    end = None if limit is None else skip + limit
    parent: dict[str, Link | None] = {sid: None}
    rows: dict[str, Record] = {sid: start}
    levels: list[list[str]] = [[sid]]
    for depth in range(1, max_depth + 1):
        frontier = levels[-1]
        known = frontier + levels[-2] if len(levels) > 1 else frontier
        found = len(parent) - 1
        if depth == max_depth and end is not None:
            # The last level: only its size and the part of it inside the window.
            local_skip = max(skip - found, 0)
            local_limit = max(end - max(skip, found), 0)
            row = await executor.read_one(
                EXPAND_LAST_LEVEL,
                sids=frontier,
                known=known,
                roles=role_list,
                asOf=day,
                skip=local_skip,
                limit=local_limit,
            )
            added = int(row["total"]) if row else 0
            if count and found + 1 + added > max_nodes:
                raise _too_many(max_depth, max_nodes)
            levels.append(_take(row["page"] if row else [], parent, rows))
            # The level holds only its page, whose first subject is number `found + local_skip`.
            first = skip - local_skip
            window = _window(levels, parent, rows, first, first + end - skip)
            return Related(window, found + added)
        found_rows = await executor.read(
            EXPAND_FRONTIER, sids=frontier, known=known, roles=role_list, asOf=day
        )
        found_rows.sort(key=lambda r: r["sid"])
        levels.append(_take(found_rows, parent, rows))
        if not count and end is not None and len(parent) - 1 >= end:
            # The window is complete: how large the rest of the network is does not matter.
            return Related(_window(levels, parent, rows, skip, end), None)
        if len(parent) > max_nodes:
            raise _too_many(max_depth, max_nodes)
        if not levels[-1]:
            break
    return Related(_window(levels, parent, rows, skip, end), len(parent) - 1)


def _take(
    found: list[Record], parent: dict[str, Link | None], rows: dict[str, Record]
) -> list[str]:
    """Record a level's newly reached subjects (sorted by id) with their parent edges."""
    level = []
    for row in found:
        reached = row["sid"]
        parent[reached] = _link(row["via"], reached)
        rows[reached] = row
        level.append(reached)
    return level


def _window(
    levels: list[list[str]],
    parent: dict[str, Link | None],
    rows: dict[str, Record],
    skip: int,
    end: int | None,
) -> list[Reached]:
    ordered = [(d, s) for d, level in enumerate(levels) if d > 0 for s in level]
    return [_reached(s, d, parent, rows) for d, s in ordered[skip:end]]


def _reached(
    sid: str, distance: int, parent: dict[str, Link | None], rows: dict[str, Record]
) -> Reached:
    nodes, links = [rows[sid]], []
    at, link = sid, parent[sid]
    while link is not None:
        links.append(link)
        at = link.holder if link.organization == at else link.organization
        nodes.append(rows[at])
        link = parent[at]
    return Reached(rows[sid], distance, tuple(reversed(nodes)), tuple(reversed(links)))


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
