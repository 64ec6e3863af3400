"""Distinct routes and every relation per hop (issue 18), exact answers on the `core` scenario
(the demo's own enterprise, seeds/scenarios/core.jsonl), then distinct routes on the whole demo
data as `creditgraph seed` loads it (seeds/demo.py).

The core cast around 北京示范科技有限公司 (DEMO), as stored:
    张伟 -ACTUAL_CONTROLLER_OF(2003-06-18), DIRECTOR_OF(2019-03-01), LEGAL_REPRESENTATIVE_OF
        (2019-03-01), SHAREHOLDER_OF(2003-06-18, 0.6)-> DEMO
    张伟 -LEGAL_REPRESENTATIVE_OF(2016-04-01), SHAREHOLDER_OF(2016-04-01, 0.9)-> TRADE
    陈静 -EMPLOYED_BY(2018-09-01)-> DEMO,  陈静 -EMPLOYED_BY(2016-04-01)-> TRADE
    李娜 -DIRECTOR_OF(2003-06-18), SHAREHOLDER_OF(2003-06-18, 0.4), LEGAL_REPRESENTATIVE_OF
        (2003-06-18..2019-02-28)-> DEMO
Four parallel edges times two made eight "paths" DEMO → TRADE through 张伟; they are one route.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.executor import Executor
from graph.identifiers import person_key
from seeds.demo import DEMO_USCC, load_demo
from seeds.scenarios import load_scenario
from tests.conftest import GQL

pytestmark = pytest.mark.db

KEY = b"test-hash-key"
DEMO, TRADE = DEMO_USCC, "91110105600037552H"
ZHANG, LI, CHEN = (
    person_key(n, KEY).pid
    for n in ("11010519491231002X", "110105196804150224", "110106197909230643")
)

PATHS = """query($from: ID!, $to: ID!, $first: Int) {
  pathsBetween(from: $from, to: $to, first: $first) {
    totalCount pageInfo { hasNextPage }
    edges { node { length nodes { id }
      hops { from { id } to { id } relations { role holder organization from to ratio } } } } } }"""


def rel(role: str, holder: str, org: str, start: str, ratio: float | None = None) -> dict[str, Any]:
    return {"role": role, "holder": holder, "organization": org, "from": start, "to": None,
            "ratio": ratio}  # fmt: skip


ZHANG_DEMO = [
    rel("ACTUAL_CONTROLLER_OF", ZHANG, DEMO, "2003-06-18"),
    rel("DIRECTOR_OF", ZHANG, DEMO, "2019-03-01"),
    rel("LEGAL_REPRESENTATIVE_OF", ZHANG, DEMO, "2019-03-01"),
    rel("SHAREHOLDER_OF", ZHANG, DEMO, "2003-06-18", 0.6),
]
ZHANG_TRADE = [
    rel("LEGAL_REPRESENTATIVE_OF", ZHANG, TRADE, "2016-04-01"),
    rel("SHAREHOLDER_OF", ZHANG, TRADE, "2016-04-01", 0.9),
]


async def routes(gql: GQL, source: str, target: str, first: int = 20) -> dict[str, Any]:
    body = await gql(PATHS, {"from": source, "to": target, "first": first})
    assert "errors" not in body, body
    conn: dict[str, Any] = body["data"]["pathsBetween"]
    return conn


def expected_routes() -> list[dict[str, Any]]:
    via_zhang = {
        "length": 2,
        "nodes": [{"id": DEMO}, {"id": ZHANG}, {"id": TRADE}],
        "hops": [
            {"from": {"id": DEMO}, "to": {"id": ZHANG}, "relations": ZHANG_DEMO},
            {"from": {"id": ZHANG}, "to": {"id": TRADE}, "relations": ZHANG_TRADE},
        ],
    }
    via_chen = {
        "length": 2,
        "nodes": [{"id": DEMO}, {"id": CHEN}, {"id": TRADE}],
        "hops": [
            {"from": {"id": DEMO}, "to": {"id": CHEN},
             "relations": [rel("EMPLOYED_BY", CHEN, DEMO, "2018-09-01")]},
            {"from": {"id": CHEN}, "to": {"id": TRADE},
             "relations": [rel("EMPLOYED_BY", CHEN, TRADE, "2016-04-01")]},
        ],
    }  # fmt: skip
    return sorted([via_zhang, via_chen], key=lambda r: [n["id"] for n in r["nodes"]])


async def assert_core_answers(gql: GQL) -> None:
    conn = await routes(gql, DEMO, TRADE)
    assert conn["totalCount"] == 2
    assert [e["node"] for e in conn["edges"]] == expected_routes()
    # A page of one, then the next: the same two routes, each once.
    first = await routes(gql, DEMO, TRADE, first=1)
    assert first["totalCount"] == 2
    assert first["pageInfo"]["hasNextPage"] is True
    assert [e["node"] for e in first["edges"]] == expected_routes()[:1]


async def test_parallel_edges_make_one_route_whose_hops_carry_them_all(
    empty_graph: Executor, gql: GQL
) -> None:
    await load_scenario(empty_graph, "core", KEY)
    await assert_core_answers(gql)


async def test_related_parties_list_every_relation(empty_graph: Executor, gql: GQL) -> None:
    await load_scenario(empty_graph, "core", KEY)
    body = await gql(
        """{ relatedParties(id: "%s", maxDepth: 1, asOf: "2022-06-01", first: 20) {
             edges { node { subject { id } distance
               relations { role holder organization from to ratio }
               path { hops { relations { role } } } } } } }"""
        % DEMO
    )
    assert "errors" not in body, body
    by_id = {e["node"]["subject"]["id"]: e["node"] for e in body["data"]["relatedParties"]["edges"]}
    assert by_id[ZHANG]["relations"] == ZHANG_DEMO
    assert [r["role"] for r in by_id[ZHANG]["path"]["hops"][0]["relations"]] == [
        r["role"] for r in ZHANG_DEMO
    ]
    # 李娜's legal representation ended in 2019: on 2022-06-01 she is a director and shareholder.
    assert by_id[LI]["relations"] == [
        rel("DIRECTOR_OF", LI, DEMO, "2003-06-18"),
        rel("SHAREHOLDER_OF", LI, DEMO, "2003-06-18", 0.4),
    ]
    assert by_id[CHEN]["relations"] == [rel("EMPLOYED_BY", CHEN, DEMO, "2018-09-01")]
    # Two hops out, the last hop's relations are the ones with the subject before it.
    deep = await gql(
        """{ relatedParties(id: "%s", maxDepth: 2, asOf: "2022-06-01", first: 20) {
             edges { node { subject { id } distance path { nodes { id } }
               relations { role ratio } } } } }"""
        % DEMO
    )
    nodes = {e["node"]["subject"]["id"]: e["node"] for e in deep["data"]["relatedParties"]["edges"]}
    trade = nodes[TRADE]
    assert trade["distance"] == 2
    before = trade["path"]["nodes"][1]["id"]
    assert before in (ZHANG, CHEN)
    expected = (
        [
            {"role": "LEGAL_REPRESENTATIVE_OF", "ratio": None},
            {"role": "SHAREHOLDER_OF", "ratio": 0.9},
        ]
        if before == ZHANG
        else [{"role": "EMPLOYED_BY", "ratio": None}]
    )
    assert trade["relations"] == expected


async def test_paths_on_the_demo_data_are_distinct_routes(empty_graph: Executor, gql: GQL) -> None:
    """The demo as `creditgraph seed` loads it: the core answers stand, and across the city no
    two routes between two subjects have the same sequence of subjects."""
    await load_demo(empty_graph, KEY)
    await assert_core_answers(gql)
    found = await gql(
        '{ searchSubjects(query: "有限公司", kind: ENTERPRISE, first: 8) '
        "{ edges { node { id } } } }"
    )
    starts = [e["node"]["id"] for e in found["data"]["searchSubjects"]["edges"]]
    assert len(starts) == 8
    checked = parallel = 0
    for start in starts:
        body = await gql(
            """{ relatedParties(id: "%s", maxDepth: 3, first: 30) {
                 edges { node { subject { id } distance } } } }"""
            % start
        )
        assert "errors" not in body, body
        for edge in body["data"]["relatedParties"]["edges"]:
            if edge["node"]["distance"] < 2:
                continue
            conn = await routes(gql, start, edge["node"]["subject"]["id"], first=100)
            sequences = [tuple(n["id"] for n in e["node"]["nodes"]) for e in conn["edges"]]
            assert len(sequences) == len(set(sequences)) == conn["totalCount"], sequences
            assert all(len(s) == edge["node"]["distance"] + 1 for s in sequences)
            for e in conn["edges"]:
                hops = e["node"]["hops"]
                assert all(h["relations"] for h in hops)
                parallel += sum(len(h["relations"]) > 1 for h in hops)
            checked += 1
    assert checked >= 20
    assert parallel > 0  # the city has parallel edges too: the check above is not vacuous
