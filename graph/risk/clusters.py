"""Risk clusters: connected groups of subjects over role and ownership edges holding a listed one.

Computed by a breadth-first search that starts from the listed subjects and asks the database for
one frontier at a time (no GDS, no unbounded pattern), then a union-find in Python. Only the
components that contain a listed subject are ever read, so the cost follows the risky part of the
graph, not the whole graph.

A cluster's id is a hash of its sorted member sids ("RC" + 16 hex of SHA-256): the same members
give the same id on every recomputation, and any change of membership gives a new id (the old
cluster is swept). Grades and listings of members are a snapshot taken when the cluster was
computed. Clusters are analytics (DOMAIN.md §7.3): they prioritise supervision, never sanction.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from graph.cypher import statement
from graph.executor import Executor, Record, Tx
from graph.risk.grading import grade_candidates, grades_tx
from graph.risk.progress import Progress, batched, batched_by_weight
from graph.risk.schemes import SCHEMES

log = logging.getLogger(__name__)

GET_LISTED = statement("risk/get_listed_subjects")
GET_NEIGHBOURS = statement("risk/get_cluster_neighbours")
GET_EXISTING = statement("risk/get_existing_clusters")
UPDATE_CLUSTERS = statement("risk/update_clusters")
CREATE_CLUSTERS = statement("risk/create_clusters")
WRITE_MEMBERS = statement("risk/write_cluster_members")
DELETE_STALE = statement("risk/delete_stale_clusters")
GET_CLUSTERS = statement("risk/get_risk_clusters")
COUNT_CLUSTERS = statement("risk/count_risk_clusters")
GET_CLUSTER = statement("risk/get_cluster")
GET_MEMBERS = statement("risk/get_cluster_members")

RULE = SCHEMES.clusters
HEBEI = SCHEMES.hebei
FRONTIER = 2000
MEMBERS_PER_TX = 20_000  # members written per transaction (a larger cluster goes alone)
MEMBERS_PER_STATEMENT = 5_000  # keeps each Bolt message far under the 16 MiB cap
SWEEP = 10_000


def cluster_id(members: Iterable[str]) -> str:
    """Stable id: the same member set always hashes to the same id."""
    text = "\n".join(sorted(set(members)))
    return "RC" + hashlib.sha256(text.encode()).hexdigest()[:16].upper()


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return [sorted(g) for g in out.values()]


@dataclass
class Search:
    """The result of the breadth-first search: components and whether a bound was hit."""

    components: list[list[str]]
    listed: set[str]
    kinds: dict[str, str | None]
    rounds: int
    truncated: bool = False


async def search(executor: Executor, as_of: date, *, progress: bool = False) -> Search:
    rows = await executor.read(
        GET_LISTED, listTypes=RULE.listed_types, listStatuses=HEBEI.active_list_statuses, asOf=as_of
    )
    listed = {r["sid"] for r in rows}
    kinds: dict[str, str | None] = {r["sid"]: r["kind"] for r in rows}
    uf = UnionFind()
    for sid in listed:
        uf.find(sid)
    seen, frontier = set(listed), sorted(listed)
    rounds, truncated = 0, False
    with Progress("clusters: search", None, enabled=progress) as bar:
        while frontier:
            if rounds >= RULE.max_rounds or len(seen) > RULE.max_members:
                truncated = True
                log.warning(
                    "risk-cluster search stopped at %d subjects, %d rounds", len(seen), rounds
                )
                break
            rounds += 1
            found: list[str] = []
            for chunk in batched(frontier, FRONTIER):
                rows = await executor.read(
                    GET_NEIGHBOURS,
                    sids=chunk,
                    roles=RULE.roles,
                    minShare=RULE.min_share,
                    excludedKinds=RULE.excluded_kinds,
                    asOf=as_of,
                )
                for row in rows:
                    for neighbour in row["neighbours"]:
                        n = neighbour["sid"]
                        uf.union(row["sid"], n)
                        if n not in seen:
                            seen.add(n)
                            kinds[n] = neighbour["kind"]
                            found.append(n)
                bar.update(len(chunk))
            bar.note(f"round {rounds}, {len(seen)} subjects")
            frontier = sorted(set(found))
    return Search(uf.groups(), listed, kinds, rounds, truncated)


@dataclass(frozen=True)
class Cluster:
    cluster_id: str
    members: tuple[Record, ...]  # {sid, listed, grade}
    organization_count: int
    listed_sids: tuple[str, ...]
    cd_count: int

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def cd_share(self) -> float:
        return self.cd_count / self.organization_count if self.organization_count else 0.0

    def row(self) -> Record:
        anchor = self.members[0]
        return {
            "clusterId": self.cluster_id,
            "anchor": anchor["sid"],
            "anchorListed": anchor["listed"],
            "anchorGrade": anchor["grade"],
            "size": self.size,
            "organizationCount": self.organization_count,
            "listedCount": len(self.listed_sids),
            "cdCount": self.cd_count,
            "cdShare": round(self.cd_share, 6),
            "listedSids": list(self.listed_sids),
        }

    def member_rows(self) -> list[Record]:
        anchor = self.members[0]["sid"]
        return [{"clusterId": self.cluster_id, "anchor": anchor, **m} for m in self.members]


async def describe(executor: Executor, found: Search, as_of: date) -> list[Cluster]:
    """Grade the member organisations (only the grade candidates are read; the others are A)
    and build the clusters of at least `min_size` members."""
    listed, kinds = found.listed, found.kinds
    wanted = [c for c in found.components if len(c) >= RULE.min_size and listed.intersection(c)]
    orgs = sorted({m for c in wanted for m in c if kinds.get(m) != "NATURAL_PERSON"})
    candidates = await grade_candidates(executor, as_of)
    graded: dict[str, str] = {}
    for chunk in batched(orgs, FRONTIER):

        async def work(tx: Tx, chunk: list[str] = chunk) -> dict[str, str]:
            return {s: g.grade for s, g in (await grades_tx(tx, chunk, as_of, candidates)).items()}

        graded.update(await executor.unit(work, write=False, name="risk.clusters.grades"))
    clusters = []
    for comp in wanted:
        rows = [{"sid": m, "listed": m in listed, "grade": graded.get(m)} for m in comp]
        org_members = [m for m in comp if m in graded]
        clusters.append(
            Cluster(
                cluster_id=cluster_id(comp),
                members=tuple(rows),
                organization_count=len(org_members),
                listed_sids=tuple(m for m in comp if m in listed),
                cd_count=sum(1 for m in org_members if graded[m] in ("C", "D")),
            )
        )
    clusters.sort(key=lambda c: (-len(c.listed_sids), -c.cd_share, -c.size, c.cluster_id))
    return clusters


@dataclass(frozen=True)
class ClusterRun:
    clusters: int
    created: int
    updated: int
    removed: int
    rounds: int
    truncated: bool
    ids: list[str] = field(default_factory=list)


async def recompute_clusters(
    executor: Executor, as_of: date | None = None, *, progress: bool = True
) -> ClusterRun:
    """Find, describe and store every risk cluster, then sweep the clusters that no longer exist.
    Each write batch is one transaction; an unchanged cluster keeps its node and id."""
    day = as_of or date.today()
    found = await search(executor, day, progress=progress)
    clusters = await describe(executor, found, day)
    run_id = uuid.uuid4().hex
    now = datetime.now(UTC)
    created = updated = 0
    with Progress("clusters: write", len(clusters), enabled=progress) as bar:
        for chunk in batched_by_weight(clusters, lambda c: c.size, limit=MEMBERS_PER_TX, size=500):
            rows = [c.row() for c in chunk]
            members = [m for c in chunk for m in c.member_rows()]

            async def write(
                tx: Tx, rows: list[Record] = rows, members: list[Record] = members
            ) -> tuple[int, int]:
                refs = [{"clusterId": r["clusterId"], "anchor": r["anchor"]} for r in rows]
                existing = {r["clusterId"] for r in await tx.run(GET_EXISTING, clusters=refs)}
                old = [r for r in rows if r["clusterId"] in existing]
                new = [r for r in rows if r["clusterId"] not in existing]
                if old:
                    await tx.run(UPDATE_CLUSTERS, clusters=old, computedAt=now, runId=run_id)
                if new:
                    await tx.run(CREATE_CLUSTERS, clusters=new, computedAt=now, runId=run_id)
                for part in batched(members, MEMBERS_PER_STATEMENT):
                    await tx.run(WRITE_MEMBERS, members=part)
                return len(new), len(old)

            c, u = await executor.unit(write, name="risk.clusters.write")
            created, updated = created + c, updated + u
            bar.update(len(chunk))
    removed = 0
    while True:
        swept = await executor.write_one(DELETE_STALE, runId=run_id, limit=SWEEP)
        n = int(swept["deleted"]) if swept else 0
        removed += n
        if n < SWEEP:
            break
    return ClusterRun(
        clusters=len(clusters),
        created=created,
        updated=updated,
        removed=removed,
        rounds=found.rounds,
        truncated=found.truncated,
        ids=[c.cluster_id for c in clusters],
    )


# -- reading ---------------------------------------------------------------------------------
async def risk_clusters(executor: Executor, min_listed: int, skip: int, limit: int) -> list[Record]:
    return await executor.read(GET_CLUSTERS, minListed=min_listed, skip=skip, limit=limit)


async def count_clusters(executor: Executor, min_listed: int) -> int:
    row = await executor.read_one(COUNT_CLUSTERS, minListed=min_listed)
    return int(row["n"]) if row else 0


async def cluster(executor: Executor, cluster_id: str) -> Record | None:
    return await executor.read_one(GET_CLUSTER, clusterId=cluster_id)


async def cluster_members(
    executor: Executor, cluster_id: str, skip: int, limit: int
) -> list[Record]:
    return await executor.read(GET_MEMBERS, clusterId=cluster_id, skip=skip, limit=limit)
