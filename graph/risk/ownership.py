"""Ownership penetration (股权穿透), beneficial owners and inferred control.

Economic share and control are different answers. The *integrated share* of holder h in target t
sums, over every chain of shareholdings from h to t, the product of the ratios: it is the linear
system x = D·(e_t + x), whose solution is the walk sum D(I − D)⁻¹ e_t, solved here by fixed-point
iteration on the pulled subgraph. Cross-holdings are cycles in D; the iteration converges to the
closed form whenever every company's holders own less than all of it. Paths are never enumerated
to compute a share; a bounded best-first search lists the strongest simple chains as an
explanation only (with cycles they do not add up to the share).

*Control* walks up instead: a declared actual controller (ACTUAL_CONTROLLER_OF, valid on the day)
or else a holder above `control_ratio` at each step.

Shareholdings are [Not in seeds] (DOMAIN.md §0.3): analytics only, never a basis for a sanction.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from graph.cypher import statement
from graph.errors import NotFound
from graph.executor import Executor, Record, Tx
from graph.risk.schemes import SCHEMES

GET_HOLDERS = statement("risk/get_holders")
GET_SUBJECT_REFS = statement("risk/get_subject_refs")

RULE = SCHEMES.ownership
DIVERGED = 1e6  # a share this large means the ratios around a cycle add up to more than 1


@dataclass(frozen=True)
class Holding:
    holder: str
    held: str
    role: str  # SHAREHOLDER_OF or ACTUAL_CONTROLLER_OF
    ratio: float | None
    since: date | None


@dataclass
class HoldingGraph:
    """The upstream subgraph of one target: holders per held organisation, and subject refs."""

    target: str
    shares: dict[str, dict[str, Holding]] = field(default_factory=lambda: defaultdict(dict))
    declared: dict[str, list[Holding]] = field(default_factory=lambda: defaultdict(list))
    refs: dict[str, Record] = field(default_factory=dict)
    truncated: bool = False

    def add(self, h: Holding) -> None:
        if h.role == "ACTUAL_CONTROLLER_OF":
            self.declared[h.held].append(h)
            return
        if h.ratio is None:
            return
        old = self.shares[h.held].get(h.holder)
        # Two current holdings of the same pair: the later appointment replaces the earlier one.
        if old is None or (h.since or date.min) >= (old.since or date.min):
            self.shares[h.held][h.holder] = h

    @classmethod
    def of(cls, target: str, holdings: list[Holding]) -> HoldingGraph:
        g = cls(target)
        for h in holdings:
            g.add(h)
        return g


@dataclass(frozen=True)
class Solution:
    shares: dict[str, float]
    iterations: int
    converged: bool


def integrated_shares(
    shares: Mapping[str, Mapping[str, Holding]],
    target: str,
    *,
    tolerance: float = RULE.tolerance,
    max_iterations: int = RULE.max_iterations,
) -> Solution:
    """Solve x_h = Σ_k D(h,k)·([k = t] + x_k) by Jacobi iteration until no share moves by more
    than `tolerance`. Exact after n + 1 rounds on an acyclic graph of depth n; geometric with the
    cycle gain otherwise. The target's own entry is its self-ownership through cycles."""
    x: dict[str, float] = {}
    iteration = 0
    while iteration < max_iterations:
        iteration += 1
        z = dict(x)
        z[target] = z.get(target, 0.0) + 1.0
        new: dict[str, float] = defaultdict(float)
        for held, value in z.items():
            if value == 0.0:
                continue
            for holder, h in shares.get(held, {}).items():
                new[holder] += (h.ratio or 0.0) * value
        moved = max((abs(new[k] - x.get(k, 0.0)) for k in set(new) | set(x)), default=0.0)
        x = dict(new)
        if moved < tolerance:
            return Solution(x, iteration, True)
        if any(v > DIVERGED for v in x.values()):
            break
    return Solution(x, iteration, False)


@dataclass(frozen=True)
class Chain:
    """One simple path of shareholdings from an owner (first) to the target (last)."""

    sids: tuple[str, ...]
    holdings: tuple[Holding, ...]
    contribution: float


def top_chains(
    shares: Mapping[str, Mapping[str, Holding]],
    target: str,
    owners: set[str],
    *,
    per_owner: int = RULE.chains_per_owner,
    expansions: int = RULE.chain_expansions,
) -> dict[str, list[Chain]]:
    """The strongest simple chains per owner, by best-first search upstream from the target.

    Ratios are at most 1, so a path's product only falls as it grows and paths come off the
    heap strongest first: the first `per_owner` reaching an owner are its strongest. Bounded by
    `expansions`; explanation only.
    """
    found: dict[str, list[Chain]] = {o: [] for o in owners}
    if per_owner == 0 or not owners:
        return found
    heap: list[tuple[float, int, tuple[str, ...], tuple[Holding, ...]]] = []
    counter = 0
    for h in shares.get(target, {}).values():
        counter += 1
        heap.append((-(h.ratio or 0.0), counter, (h.holder, target), (h,)))
    heapq.heapify(heap)
    budget = expansions
    while heap and budget > 0:
        neg, _, path, hops = heapq.heappop(heap)
        budget -= 1
        head = path[0]
        if head in found and len(found[head]) < per_owner:
            found[head].append(Chain(path, hops, -neg))
            if all(len(c) >= per_owner for c in found.values()):
                break
        for h in shares.get(head, {}).values():
            if h.holder in path:
                continue
            counter += 1
            product = -neg * min(h.ratio or 0.0, 1.0)
            heapq.heappush(heap, (-product, counter, (h.holder, *path), (h, *hops)))
    return found


@dataclass(frozen=True)
class Owner:
    sid: str
    share: float
    ultimate: bool  # nobody holds shares in it within the pulled subgraph
    chains: tuple[Chain, ...]


@dataclass(frozen=True)
class OwnershipResult:
    target: str
    as_of: date
    threshold: float
    owners: tuple[Owner, ...]
    converged: bool
    iterations: int
    truncated: bool
    refs: dict[str, Record]


def beneficial_owners(graph: HoldingGraph, threshold: float, as_of: date) -> OwnershipResult:
    """Every upstream subject whose integrated share reaches `threshold`, largest first."""
    solution = integrated_shares(graph.shares, graph.target)
    above = {sid: s for sid, s in solution.shares.items() if sid != graph.target and s >= threshold}
    chains = top_chains(graph.shares, graph.target, set(above))
    owners = sorted(
        (
            Owner(sid, share, not graph.shares.get(sid), tuple(chains.get(sid, [])))
            for sid, share in above.items()
        ),
        key=lambda o: (-o.share, o.sid),
    )
    return OwnershipResult(
        target=graph.target,
        as_of=as_of,
        threshold=threshold,
        owners=tuple(owners),
        converged=solution.converged,
        iterations=solution.iterations,
        truncated=graph.truncated,
        refs=graph.refs,
    )


@dataclass(frozen=True)
class ControlStep:
    holder: str
    held: str
    basis: str  # DECLARED (ACTUAL_CONTROLLER_OF) or MAJORITY (ratio above control_ratio)
    ratio: float | None
    since: date | None


@dataclass(frozen=True)
class ControlResult:
    target: str
    as_of: date
    controller: str | None
    steps: tuple[ControlStep, ...]
    cycle: bool
    truncated: bool
    refs: dict[str, Record]


def infer_control(graph: HoldingGraph, as_of: date) -> ControlResult:
    """Walk up from the target: the declared actual controller, else the majority holder, until
    a subject nobody controls (a person, usually). A chain that returns on itself stops there."""
    steps: list[ControlStep] = []
    seen = {graph.target}
    current, cycle = graph.target, False
    while len(steps) < RULE.max_depth:
        declared = graph.declared.get(current)
        if declared:
            pick = max(declared, key=lambda h: (h.since or date.min, h.holder))
            step = ControlStep(pick.holder, current, "DECLARED", None, pick.since)
        else:
            majority = [
                h
                for h in graph.shares.get(current, {}).values()
                if (h.ratio or 0) > RULE.control_ratio
            ]
            if not majority:
                break
            pick = max(majority, key=lambda h: (h.ratio or 0.0, h.holder))
            step = ControlStep(pick.holder, current, "MAJORITY", pick.ratio, pick.since)
        if step.holder in seen:
            cycle = True
            break
        steps.append(step)
        seen.add(step.holder)
        current = step.holder
    return ControlResult(
        target=graph.target,
        as_of=as_of,
        controller=steps[-1].holder if steps else None,
        steps=tuple(steps),
        cycle=cycle,
        truncated=graph.truncated,
        refs=graph.refs,
    )


# -- reading the upstream subgraph -----------------------------------------------------------
async def pull_holdings(tx: Tx, sid: str, as_of: date) -> HoldingGraph:
    """Breadth-first, one statement per level, at most `max_depth` levels and `max_nodes`
    subjects: the subgraph the solver needs without enumerating paths."""
    target = await tx.one(GET_SUBJECT_REFS, sids=[sid])
    if target is None:
        raise NotFound(f"no subject {sid}", id=sid)
    graph = HoldingGraph(sid, refs={sid: target})
    frontier, seen = [sid], {sid}
    for _ in range(RULE.max_depth):
        if not frontier:
            break
        rows = await tx.run(GET_HOLDERS, sids=frontier, asOf=as_of)
        frontier = []
        for r in rows:
            graph.add(Holding(r["holder"], r["held"], r["role"], r["ratio"], r["from"]))
            if r["holder"] not in seen:
                graph.refs[r["holder"]] = {
                    "sid": r["holder"],
                    "name": r["name"],
                    "kind": r["kind"],
                    "idMasked": r["idMasked"],
                }
                seen.add(r["holder"])
                if r["kind"] != "NATURAL_PERSON":
                    frontier.append(r["holder"])
        if len(seen) > RULE.max_nodes:
            graph.truncated = True
            break
    else:
        graph.truncated = bool(frontier)
    return graph


async def ownership(
    executor: Executor, sid: str, threshold: float = 0.25, as_of: date | None = None
) -> OwnershipResult:
    day = as_of or date.today()

    async def work(tx: Tx) -> HoldingGraph:
        return await pull_holdings(tx, sid, day)

    graph = await executor.unit(work, write=False, name="risk.ownership")
    return beneficial_owners(graph, threshold, day)


async def control(executor: Executor, sid: str, as_of: date | None = None) -> ControlResult:
    day = as_of or date.today()

    async def work(tx: Tx) -> HoldingGraph:
        return await pull_holdings(tx, sid, day)

    graph = await executor.unit(work, write=False, name="risk.control")
    return infer_control(graph, day)
