"""The demo shows the product: after `creditgraph seed` (and `make run`) the sanctions have been
propagated and the analytics computed, through the code production runs."""

from __future__ import annotations

import re

import pytest

from graph.cypher import statement
from graph.executor import Executor
from graph.identifiers import person_key
from seeds.demo import DEMO_USCC, load_demo
from tests.conftest import GQL

pytestmark = pytest.mark.db

KEY = b"test-hash-key"
COUNT_NODES = statement("stats/count_nodes_by_label")
FLAG_TARGETS = statement("stats/get_flag_targets")
INDICATOR_TARGETS = statement("stats/get_indicator_targets")
ZHANG = person_key("11010519491231002X", KEY).pid  # legal representative of the demo enterprise
CARD = """query($u: String!, $p: ID!) {
  enterprise(uscc: $u) {
    legalRepresentatives(asOf: "2026-11-01") { person { id } name }
    riskIndicators { indicatorType rationale }
  }
  person(id: $p) { flags { flagType ruleId legalBasisText why { summary paths { text } } } }
}"""


async def counts(executor: Executor) -> dict[str, int]:
    return {r["label"]: r["count"] for r in await executor.read(COUNT_NODES)}


async def test_the_demo_holds_flags_indicators_clusters_and_grades(
    empty_graph: Executor, gql: GQL
) -> None:
    await load_demo(empty_graph, KEY)
    loaded = await counts(empty_graph)
    for label in ("Flag", "RiskIndicator", "RiskCluster", "Evaluation"):
        assert loaded.get(label, 0) > 0, (label, loaded)

    body = await gql(CARD, {"u": DEMO_USCC, "p": ZHANG})
    assert "errors" not in body, body
    card = body["data"]["enterprise"]
    assert [p["person"]["id"] for p in card["legalRepresentatives"]] == [ZHANG]
    [flag] = [f for f in body["data"]["person"]["flags"] if f["flagType"] == "PUNISHMENT_EXTENDED"]
    assert flag["ruleId"] == "P1"
    assert flag["legalBasisText"] == "《黑龙江省社会信用条例》第三十三条"
    # Reached through the sister company's listing, in the direction of the relation.
    assert flag["why"]["paths"] == [
        {"text": "张伟 —法定代表人（2016-04-01起）→ 北京示范商贸有限公司"}
    ]
    assert "北京示范商贸有限公司" in flag["why"]["summary"]
    # The demo enterprise itself is a linked risk of its listed sister (never a sanction).
    assert [i["indicatorType"] for i in card["riskIndicators"]] == ["LINKED_RISK"]

    await load_demo(empty_graph, KEY)  # again: nothing new
    assert await counts(empty_graph) == loaded


INTERNAL = re.compile(r"\bP\d{1,2}\b|DOMAIN\.md|[A-Za-z]{2,}")
# 《title》 then its article (第…条), item (第…项) or part (第…部分).
CITED = re.compile(r"《[^》]+》(?:附件\d+)?第[^，。；]*?(?:条|项|部分)")


def assert_for_people(text: str) -> None:
    """Chinese prose naming a seed document and article, without internal ids or file names."""
    assert CITED.search(text), text
    assert not INTERNAL.search(text), text


async def test_every_explanation_in_the_demo_is_for_people(empty_graph: Executor, gql: GQL) -> None:
    await load_demo(empty_graph, KEY)
    flagged = [[r["sid"]] for r in await empty_graph.read(FLAG_TARGETS)]
    indicated = [[r["sid"]] for r in await empty_graph.read(INDICATOR_TARGETS)]
    found = await gql(
        '{ searchSubjects(query: "有限公司", kind: ENTERPRISE, first: 25) '
        "{ edges { node { id } } } }"
    )
    graded = [[e["node"]["id"]] for e in found["data"]["searchSubjects"]["edges"]]
    assert len(flagged) > 20
    assert len(indicated) > 20
    texts: list[str] = []
    for chunk in range(0, len(flagged), 25):
        fields = " ".join(
            'f%d: flags(subjectId: "%s") { legalBasisText why { summary paths { text } } }'
            % (i, row[0])
            for i, row in enumerate(flagged[chunk : chunk + 25])
        )
        body = await gql("{ %s }" % fields)
        assert "errors" not in body, body
        for found in body["data"].values():
            for f in found:
                texts += [f["legalBasisText"], f["why"]["summary"]]
    for chunk in range(0, len(indicated), 25):
        fields = " ".join(
            'i%d: linkedRiskIndicators(subjectId: "%s") { rationale }' % (i, row[0])
            for i, row in enumerate(indicated[chunk : chunk + 25])
        )
        body = await gql("{ %s }" % fields)
        assert "errors" not in body, body
        texts += [i["rationale"] for found in body["data"].values() for i in found]
    fields = " ".join(
        'g%d: creditGrade(subjectId: "%s") { reason }' % (i, row[0]) for i, row in enumerate(graded)
    )
    body = await gql("{ %s }" % fields)
    assert "errors" not in body, body
    texts += [g["reason"] for g in body["data"].values()]
    assert len(texts) > 100
    for text in texts:
        assert_for_people(text)
