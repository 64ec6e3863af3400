"""Related-party networks: who is connected to a subject, how far, and through which path.

`related_parties` walks breadth-first, one batched statement per level, keeping the visited set
and parent pointers here. That gives every reached subject its distance and one shortest path
(the first found in a deterministic order) without enumerating paths in the database, and keeps
each level's cost proportional to the frontier, however the graph is shaped.

What travels back is kept small, because decoding rows is what a level costs beyond the
traversal itself: a level returns each newly reached subject once, with every relation between
it and its parent (the first of them the edge that reached it); the last level returns only its
size and the page the caller shows. A caller that does
not need the total stops at the first level that fills its page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from graph.cypher import Statement, statement
from graph.errors import BadUserInput, LimitExceeded, NotFound
from graph.executor import Executor, Record
from graph.model import MODEL
from graph.subjects import subjects_by_sid

EXPAND_EDGES = statement("network/expand_edges")
EXPAND_FRONTIER = statement("network/expand_frontier")
EXPAND_LAST_LEVEL = statement("network/expand_last_level")
PATHS_BETWEEN = statement("network/paths_between")

MAX_DEPTH = 4
RELATIONS_PER_NODE = 4  # a walk's relations per subject it may reach before it is too wide


@dataclass(frozen=True)
class Link:
    """One role edge on a path, oriented as stored: holder -[role]-> organisation."""

    role: str
    holder: str
    organization: str
    start: date | None
    end: date | None
    ratio: float | None


Hop = tuple[Link, ...]
"""Every relation between two consecutive subjects of a path (at least one), in a fixed order."""


@dataclass(frozen=True)
class Reached:
    node: Record
    distance: int
    nodes: tuple[Record, ...]  # from the start subject to `node`, both included
    hops: tuple[Hop, ...]  # hops[i] joins nodes[i] and nodes[i + 1]


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


def _hop(vias: list[Record], to: str) -> Hop:
    """The relations between `to` and its parent (the first via's subject), in the given order."""
    return tuple(_link(via, to) for via in vias)


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
    parent: dict[str, Hop | None] = {sid: None}
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


def _take(found: list[Record], parent: dict[str, Hop | None], rows: dict[str, Record]) -> list[str]:
    """Record a level's newly reached subjects (sorted by id) with their parent relations."""
    level = []
    for row in found:
        reached = row["sid"]
        parent[reached] = _hop(row["via"], reached)
        rows[reached] = row
        level.append(reached)
    return level


def _window(
    levels: list[list[str]],
    parent: dict[str, Hop | None],
    rows: dict[str, Record],
    skip: int,
    end: int | None,
) -> list[Reached]:
    ordered = [(d, s) for d, level in enumerate(levels) if d > 0 for s in level]
    return [_reached(s, d, parent, rows) for d, s in ordered[skip:end]]


def _back(sid: str, parent: dict[str, Hop | None]) -> tuple[list[str], list[Hop]]:
    """The ids from the walk's start to `sid` (both included) and the hops between them,
    following the parent relations back."""
    ids, hops = [sid], []
    at, hop = sid, parent[sid]
    while hop is not None:
        hops.append(hop)
        at = hop[0].holder if hop[0].organization == at else hop[0].organization
        ids.append(at)
        hop = parent[at]
    return ids[::-1], hops[::-1]


def _reached(
    sid: str, distance: int, parent: dict[str, Hop | None], rows: dict[str, Record]
) -> Reached:
    ids, hops = _back(sid, parent)
    return Reached(rows[sid], distance, tuple(rows[i] for i in ids), tuple(hops))


@dataclass(frozen=True)
class Ball:
    """Every subject within `radius` of `start`, by id: its distance and the relations to its
    parent (the start's is None). Ids only: a caller that wants few of them (the alert fan-out,
    which keeps the watched ones) does not pay for decoding thousands of subjects. With a
    narrowed last step (`ball(last=...)`) the outermost level holds only what that step keeps."""

    start: str
    radius: int
    distance: dict[str, int]
    parent: dict[str, Hop | None]

    def route(self, sid: str) -> tuple[list[str], list[Hop]]:
        """The ids from the start to `sid` (both included) and the hops between them."""
        return _back(sid, self.parent)


async def ball(
    executor: Executor,
    sid: str,
    radius: int,
    *,
    as_of: date | None = None,
    max_nodes: int = 20_000,
    last: Statement = EXPAND_EDGES,
    not_through: frozenset[str] = frozenset(),
) -> Ball:
    """The subjects within `radius` role/ownership hops of `sid` (which need not exist), with
    the same distances and parents as `related_parties`: one statement per level returning
    relations as ids, the visited set kept here. `last` runs the outermost step: a statement
    with `network/expand_edges`'s parameters and columns that may keep fewer neighbours. A
    subject of a kind in `not_through` is reached but not walked on from (the start always
    is): no path passes through it."""
    roles = list(MODEL.roles)
    day = as_of or date.today()
    cap = RELATIONS_PER_NODE * max_nodes  # relations one level may return
    distance: dict[str, int] = {sid: 0}
    parent: dict[str, Hop | None] = {sid: None}
    frontier = [sid]
    for depth in range(1, radius + 1):
        if not frontier:
            break
        step = last if depth == radius else EXPAND_EDGES
        rows = await executor.read(step, sids=frontier, roles=roles, asOf=day, cap=cap)
        if len(rows) >= cap:
            raise _too_many(radius, max_nodes)  # without fetching a hub's every relation
        # The order of `network/expand_frontier`: the first parent by (id, role, start date),
        # a null start last; every relation from that parent joins the hop.
        rows.sort(
            key=lambda r: (
                r["fromSid"],
                r["role"],
                r["roleFrom"] is None,
                r["roleFrom"] or date.min,
            )
        )
        via: dict[str, tuple[str, list[Link]]] = {}
        for row in rows:
            to = row["sid"]
            if to in distance:
                continue
            chosen = via.get(to)
            if chosen is None:
                via[to] = chosen = (row["fromSid"], [])
            if chosen[0] == row["fromSid"]:
                chosen[1].append(_link(row, to))
        for to, (_, links) in via.items():
            distance[to] = depth
            parent[to] = tuple(links)
        if len(distance) > max_nodes + 1:
            raise _too_many(radius, max_nodes)
        stop = {r["sid"] for r in rows if r["kind"] in not_through} if not_through else set()
        frontier = sorted(via.keys() - stop)
    return Ball(sid, radius, distance, parent)


@dataclass(frozen=True)
class Path:
    """A route: its subjects in order, and every relation between each consecutive pair."""

    nodes: tuple[Record, ...]
    hops: tuple[Hop, ...]


@dataclass(frozen=True)
class Routes:
    """A page of distinct routes (in the order of their subjects' ids) and how many there are."""

    paths: list[Path]
    total: int


async def paths_between(
    executor: Executor,
    source: str,
    target: str,
    *,
    max_depth: int = 4,
    skip: int = 0,
    limit: int = 5,
) -> Routes:
    """Distinct shortest routes (all of the same, minimal length): rows `skip` to `skip + limit`
    of them by their subjects' ids, and their number. A route is a sequence of subjects; each
    hop carries every relation between its two subjects, however many parallel edges join them.
    """
    check_depth(max_depth)
    known = await subjects_by_sid(executor, [source, target])
    for sid in (source, target):
        if sid not in known:
            raise NotFound(f"no subject with id {sid}", id=sid)
    if source == target:
        return Routes([Path(nodes=(known[source],), hops=())][skip : skip + limit], 1)
    rows = await executor.read(
        PATHS_BETWEEN,
        maxDepth=max_depth,
        roles=list(MODEL.roles),
        skip=skip,
        limit=limit,
        **{"from": source, "to": target},
    )
    total = int(rows[0]["total"]) if rows else 0
    paths = [_route(row) for row in rows if row["route"] is not None]
    paths.sort(key=lambda p: [n["sid"] for n in p.nodes])
    return Routes(paths, total)


def _route(row: Record) -> Path:
    hops = sorted(row["hops"], key=lambda h: h["i"])
    nodes = [hops[0]["x"], *(h["y"] for h in hops)]
    links = tuple(
        tuple(
            Link(r["role"], r["holder"], r["organization"], r["from"], r["to"], r["ratio"])
            for r in h["rels"]
        )
        for h in hops
    )
    return Path(nodes=tuple(nodes), hops=links)
