"""Risk clusters on the `risk_clusters` scenario, computed on 2026-06-30.

Cast (seeds/scenarios/risk_clusters.jsonl, region 110108):
    cluster 1: 吴六 LR of K1 and K2; K2 holds 30% of K3. K1 on SERIOUS_DISHONESTY (C), K3 six fines
               in 2026 (C), K2 clean (A) → 4 members, 3 organisations, 1 listed, C/D share 2/3.
    cluster 2: 郑七 actual controller of K4 and K5; K4 a judgment defaulter (C), K5 on the
               key-attention list (not a grade input: A) → 3 members, 1 listed, C/D share 1/2.
    not clusters: K6 (王八 is only a director of K5: not a cluster edge); K7–K8 (share 冯九 but
               nobody is listed); K9 (listed, alone); K10 (listed; 陈十's roles in K1 and K10
               ended long ago).
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import date

import pytest

from api.settings import Settings
from graph.executor import Executor
from graph.identifiers import person_key
from graph.risk.clusters import UnionFind, cluster_id, recompute_clusters, risk_clusters
from tests.conftest import GQL

KEY = b"test-hash-key"
DAY = date(2026, 6, 30)
K = {f"K{i}": f"91110108MARK0K{i:03d}{c}" for i, c in zip(range(1, 11), "JMQUY258BG", strict=True)}
Q1, Q2, Q4 = (
    person_key(n, KEY).pid
    for n in ("110108198505050213", "11010819850505023X", "110108198505050272")
)
ONE = cluster_id([K["K1"], K["K2"], K["K3"], Q1])
TWO = cluster_id([K["K4"], K["K5"], Q2])
CLUSTERS = """query($first: Int!, $after: String) {
  riskClusters(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id size organizationCount listedCount cdCount cdShare } }
  }
}"""
CLUSTER = """query($id: ID!) {
  cluster(id: $id) {
    id size members(first: 10) { totalCount edges { node { listed grade subject { id name } } } }
  }
}"""


def test_cluster_ids_hash_the_member_set() -> None:
    assert cluster_id(["b", "a", "c"]) == cluster_id(["c", "b", "a", "a"])
    assert cluster_id(["a", "b"]) != cluster_id(["a", "b", "c"])
    assert cluster_id(["a"]).startswith("RC")
    assert len(cluster_id(["a"])) == 18


def test_union_find_groups_connected_members() -> None:
    uf = UnionFind()
    for a, b in [("a", "b"), ("c", "d"), ("b", "c"), ("x", "y")]:
        uf.union(a, b)
    uf.find("z")
    assert sorted(uf.groups()) == [["a", "b", "c", "d"], ["x", "y"], ["z"]]


@pytest.fixture
async def scenario(empty_graph: Executor) -> Executor:
    from seeds.scenarios import load_scenario

    await load_scenario(empty_graph, "risk_clusters", KEY)
    return empty_graph


@pytest.mark.db
async def test_clusters_and_their_figures(scenario: Executor) -> None:
    run = await recompute_clusters(scenario, DAY, progress=False)
    assert (run.clusters, run.created, run.updated, run.removed, run.truncated) == (
        2,
        2,
        0,
        0,
        False,
    )
    rows = await risk_clusters(scenario, 1, 0, 10)
    assert [
        (
            r["clusterId"],
            r["size"],
            r["organizationCount"],
            r["listedCount"],
            r["cdCount"],
            r["cdShare"],
        )
        for r in rows
    ] == [(ONE, 4, 3, 1, 2, pytest.approx(2 / 3, abs=1e-6)), (TWO, 3, 2, 1, 1, 0.5)]


@pytest.mark.db
async def test_cluster_ids_survive_a_recomputation_and_change_with_the_members(
    scenario: Executor,
) -> None:
    from graph.importer import import_rows

    first = await recompute_clusters(scenario, DAY, progress=False)
    second = await recompute_clusters(scenario, DAY, progress=False)
    assert first.ids == second.ids == [ONE, TWO]
    assert (second.created, second.updated, second.removed) == (0, 2, 0)
    # 郑七 becomes legal representative of K7 as well: cluster 2 swallows K7, 冯九 and K8.
    role = {
        "kind": "role",
        "role": "LEGAL_REPRESENTATIVE_OF",
        "holderIdNumber": "11010819850505023X",
        "uscc": K["K7"],
        "from": "2026-01-01",
    }
    assert (
        await import_rows(scenario, [("test", 1, role)], id_key=KEY, progress=False)
    ).rejected == 0
    third = await recompute_clusters(scenario, DAY, progress=False)
    bigger = cluster_id([K["K4"], K["K5"], Q2, K["K7"], K["K8"], Q4])
    assert third.ids == [ONE, bigger]
    assert (third.created, third.updated, third.removed) == (1, 1, 1)
    assert [r["clusterId"] for r in await risk_clusters(scenario, 1, 0, 10)] == [ONE, bigger]


@pytest.mark.db
async def test_clusters_over_graphql(gql: GQL, scenario: Executor) -> None:
    await recompute_clusters(scenario, DAY, progress=False)
    page = (await gql(CLUSTERS, {"first": 1}))["data"]["riskClusters"]
    assert page["totalCount"] == 2
    assert page["pageInfo"]["hasNextPage"] is True
    assert page["edges"][0]["node"]["id"] == ONE
    rest = (await gql(CLUSTERS, {"first": 1, "after": page["pageInfo"]["endCursor"]}))["data"]
    assert [e["node"]["id"] for e in rest["riskClusters"]["edges"]] == [TWO]
    one = (await gql(CLUSTER, {"id": ONE}))["data"]["cluster"]
    members = [e["node"] for e in one["members"]["edges"]]
    assert one["members"]["totalCount"] == 4
    assert members[0] == {
        "listed": True,
        "grade": "C",
        "subject": {"id": K["K1"], "name": "集群一失信公司"},
    }
    assert {m["subject"]["id"]: m["grade"] for m in members[1:]} == {
        K["K2"]: "A",
        K["K3"]: "C",
        Q1: None,
    }
    missing = await gql(CLUSTER, {"id": "RC0000000000000000"})
    assert missing["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    too_many = await gql(CLUSTERS, {"first": 10_000})
    assert too_many["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"


@pytest.mark.db
async def test_the_command_line_recomputes_and_runs_the_analyst_files(
    settings: Settings, scenario: Executor, capsys: pytest.CaptureFixture[str]
) -> None:
    from api.commands import analytics

    def run(*argv: str) -> int:
        parser = argparse.ArgumentParser()
        analytics.configure(parser)
        return analytics.run(parser.parse_args(list(argv)), settings)

    assert await asyncio.to_thread(run, "clusters", "--as-of", "2026-06-30", "--quiet") == 0
    assert "risk clusters: 2 (2 new, 0 unchanged, 0 removed)" in capsys.readouterr().out
    assert await asyncio.to_thread(run, "query", "risk_clusters", "--param", "limit=1") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("| clusterId | size |")
    assert ONE in out
    assert TWO not in out
    assert (
        await asyncio.to_thread(run, "query", "risk_components", "--as-of", "2026-06-30", "--json")
        == 0
    )
    lines = capsys.readouterr().out.splitlines()
    assert {line.split('"listed": "')[1][:18] for line in lines} == {K["K1"], K["K4"]}


@pytest.mark.db
async def test_the_analyst_member_file_shows_the_stored_cluster(scenario: Executor) -> None:
    from graph.risk.analytics import run_query

    await recompute_clusters(scenario, DAY, progress=False)
    rows = await run_query(scenario, "cluster_members", {"clusterId": ONE}, DAY)
    assert [(r["sid"], r["listed"], r["grade"]) for r in rows] == [
        (K["K1"], True, "C"),
        (K["K2"], False, "A"),
        (K["K3"], False, "C"),
        (Q1, False, None),
    ]
    assert rows[1]["links"] == ["SHAREHOLDER_OF 集群一参股公司"]


def test_unknown_param_is_refused() -> None:
    from graph.errors import BadUserInput
    from graph.risk.analytics import parameters

    with pytest.raises(BadUserInput, match="takes no parameter"):
        parameters("risk_clusters", {"nope": 1}, DAY)
    with pytest.raises(BadUserInput, match="needs --param clusterId"):
        parameters("cluster_members", {}, DAY)
    with pytest.raises(BadUserInput, match="no analytics query"):
        parameters("nothing", {}, DAY)
    assert parameters("risk_clusters", {"limit": 3}, DAY) == {"minListed": 1, "limit": 3}
