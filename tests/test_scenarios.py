"""Scenario graphs and a small generated city load through the importer, idempotently.

Tier 1 checks the scenario files themselves (valid identifiers, the README's demo enterprise);
tier 2 loads each scenario twice on an empty graph, and imports a generated city of 200
enterprises twice: the node and relationship counts must equal the generator's manifest, and the
second import must create nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from stdnum.cn import ric, uscc

from bench.counts import count_graph
from graph.cypher import statement
from graph.executor import Executor
from graph.importer import import_files
from graph.model import MODEL
from seeds.generator import generate
from seeds.measures import MEASURES
from seeds.scenarios import MEASURES as MEASURE_SCENARIO
from seeds.scenarios import SCENARIO_DIR, SCENARIOS, ScenarioError, load_scenario
from tests.conftest import GQL

KEY = b"test-hash-key"
DEMO_USCC = "91110000600037341L"
OURS = ("core", "sanctions", "ownership")
DELETE_ALL = statement("admin/delete_all")
README_QUERY = """query($u: String!, $d: Date) {
  enterprise(uscc: $u) { name legalRepresentatives(asOf: $d) { name } } }"""


def scenario_rows(name: str) -> list[dict[str, Any]]:
    lines = (SCENARIO_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


# -- tier 1: the files ---------------------------------------------------------------------
def test_every_scenario_has_a_description_and_a_file() -> None:
    assert set(OURS) | {MEASURE_SCENARIO} <= set(SCENARIOS)
    for name, description in SCENARIOS.items():
        assert description
        assert name == MEASURE_SCENARIO or (SCENARIO_DIR / f"{name}.jsonl").is_file()


@pytest.mark.parametrize("name", OURS)
def test_scenario_identifiers_are_valid_and_reserved(name: str) -> None:
    rows = scenario_rows(name)
    for r in rows:
        for key in ("uscc", "holderUscc", "subjectUscc"):
            if key in r:
                assert uscc.is_valid(r[key]), r
                assert r[key][2:4] != "13", "13xxxx regions belong to the generator"
        numbers = [r[k] for k in ("idNumber", "holderIdNumber", "subjectIdNumber") if k in r]
        for number in numbers + r.get("debtResponsibleIdNumbers", []):
            assert ric.is_valid(number), r
            assert int(number[14:17]) < 100, "sequences 100-999 belong to the generator"
        if r["kind"] == "role":
            assert r["role"] in MODEL.roles


def test_core_holds_the_readme_demo_enterprise_and_its_legal_representative() -> None:
    rows = scenario_rows("core")
    demo = next(r for r in rows if r.get("uscc") == DEMO_USCC and r["kind"] == "organization")
    assert demo["name"] == "北京示范科技有限公司"
    assert demo["region"] == "110105"
    current = [
        r
        for r in rows
        if r["kind"] == "role"
        and r["role"] == "LEGAL_REPRESENTATIVE_OF"
        and r["uscc"] == DEMO_USCC
        and "to" not in r
    ]
    assert [r["holderIdNumber"] for r in current] == ["11010519491231002X"]
    names = {r["idNumber"]: r["name"] for r in rows if r["kind"] == "person"}
    assert names["11010519491231002X"] == "张伟"


def test_ownership_ratios_sum_to_at_most_one() -> None:
    totals: dict[str, float] = {}
    for r in scenario_rows("ownership"):
        if r["kind"] == "role" and r["role"] == "SHAREHOLDER_OF":
            totals[r["uscc"]] = totals.get(r["uscc"], 0.0) + r["ratio"]
    assert max(totals.values()) <= 1.0


# -- tier 2: loading -----------------------------------------------------------------------
@pytest.mark.db
@pytest.mark.parametrize("name", sorted(SCENARIOS))
async def test_each_scenario_loads_twice_without_changes(empty_graph: Executor, name: str) -> None:
    await load_scenario(empty_graph, name, KEY)
    first = await count_graph(empty_graph)
    assert sum(first.nodes.values()) > 0
    await load_scenario(empty_graph, name, KEY)
    assert await count_graph(empty_graph) == first


@pytest.mark.db
async def test_scenario_counts_match_the_readme(empty_graph: Executor) -> None:
    await load_scenario(empty_graph, "core", KEY)
    counts = await count_graph(empty_graph)
    assert counts.nodes["Organization"] == 4
    assert counts.nodes["Person"] == 5
    assert counts.relationships["LEGAL_REPRESENTATIVE_OF"] == 4
    assert counts.relationships["SHAREHOLDER_OF"] == 4
    await load_scenario(empty_graph, MEASURE_SCENARIO, KEY)
    assert (await count_graph(empty_graph)).nodes["Measure"] == len(MEASURES)


@pytest.mark.db
async def test_unknown_scenario_is_refused(executor: Executor) -> None:
    with pytest.raises(ScenarioError, match="unknown scenario"):
        await load_scenario(executor, "no-such-scenario", KEY)


@pytest.mark.db
async def test_generated_city_imports_exactly_as_the_manifest_says(
    empty_graph: Executor, tmp_path: Path
) -> None:
    city = generate(tmp_path / "city", scale=200)
    rejects = tmp_path / "rejects.jsonl"
    first = await import_files(
        empty_graph, city.files, id_key=KEY, rejects_path=rejects, progress=False
    )
    assert first.rejected == 0, first.format()
    assert first.created == city.manifest.total_rows
    counts = await count_graph(empty_graph)
    assert counts.differences(city.manifest) == []
    again = await import_files(
        empty_graph, city.files, id_key=KEY, rejects_path=rejects, progress=False
    )
    assert again.rejected == 0
    assert again.created == 0
    assert (await count_graph(empty_graph)).differences(city.manifest) == []
    await empty_graph.write(DELETE_ALL)


@pytest.mark.db
async def test_the_readme_query_answers_on_the_core_scenario(
    empty_graph: Executor, gql: GQL
) -> None:
    await load_scenario(empty_graph, "core", KEY)
    body = await gql(README_QUERY, {"u": DEMO_USCC, "d": None})
    enterprise = body["data"]["enterprise"]
    assert enterprise["name"] == "北京示范科技有限公司"
    assert enterprise["legalRepresentatives"] == [
        {"name": "李娜"},
        {"name": "张伟"},
    ]  # all, by date
    for day, name in [("2026-11-01", "张伟"), ("2010-01-01", "李娜")]:
        body = await gql(README_QUERY, {"u": DEMO_USCC, "d": day})
        assert body["data"]["enterprise"]["legalRepresentatives"] == [{"name": name}]
