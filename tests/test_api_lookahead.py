"""Lookahead and shortcuts of the read API give the same answers in fewer round trips.

On the `network` scenario (see tests/test_api_network.py for the cast): the entity card fetches
the holders and their other roles together, relatedParties stops at the level that fills its
page when no total is asked for, searchSubjects with a kind scans that kind's label, and the
standard-validation cache never lets a request skip the limits that depend on its variables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette

from graph.executor import Executor
from graph.identifiers import person_key
from graph.importer import import_files
from resolvers.subjects import types
from tests.conftest import GQL

pytestmark = pytest.mark.db

SCENARIO = Path(__file__).resolve().parents[1] / "seeds" / "scenarios" / "network.jsonl"
KEY = b"test-hash-key"
A, B, C, D = "91110105MA01N0AA0Y", "91110105MA01N0BB0M", "91110108MA01N0CC0P", "91110108MA01N0DD0E"
P1, P3 = (person_key(n, KEY).pid for n in ("110105198001010016", "110108198503030032"))

CARD = """query($u: String!, $x: ID!) { enterprise(uscc: $u) { name roles(first: 10) { totalCount
  edges { role from node { id ... on Person { roles(first: 10, excludeOrganization: $x) {
    totalCount edges { role from node { id name listEntries(first: 5) { edges { node {
    listType } } } } } } } } } } } }"""
HELD = """query($p: ID!, $x: ID!) { person(id: $p) { roles(first: 10, excludeOrganization: $x) {
  totalCount edges { role from node { id name listEntries(first: 5) { edges { node {
  listType } } } } } } } }"""
RELATED = """query($after: String) { relatedParties(id: "%s", maxDepth: 4, asOf: "2022-06-01",
  first: 2, after: $after) { %s pageInfo { hasNextPage endCursor }
  edges { cursor node { distance subject { id } path { nodes { id } } } } } }"""


@pytest.fixture(scope="module", autouse=True)
async def network(executor: Executor) -> None:
    from tests.conftest import DELETE_ALL

    await executor.write(DELETE_ALL)
    summary = await import_files(executor, [SCENARIO], id_key=KEY, progress=False)
    assert summary.rejected == 0


async def counted(gql: GQL, app: Starlette, query: str, variables: dict[str, Any]) -> Any:
    stats = app.state.executor.stats
    before = stats.round_trips
    body = await gql(query, variables)
    assert "errors" not in body, body
    return body["data"], stats.round_trips - before


async def test_card_gets_holders_and_their_roles_in_one_round_trip(
    gql: GQL, app: Starlette
) -> None:
    card, trips = await counted(gql, app, CARD, {"u": B, "x": B})
    assert trips == 3, "the subject, its holders with their other roles, the list entries"
    edges = card["enterprise"]["roles"]["edges"]
    assert len(edges) == 3
    for edge in edges:  # each person's nested page equals the one asked for on its own
        alone, _ = await counted(gql, app, HELD, {"p": edge["node"]["id"], "x": B})
        assert edge["node"]["roles"] == alone["person"]["roles"]
    p3 = next(e for e in edges if e["node"]["id"] == P3)["node"]["roles"]
    assert [(e["role"], e["node"]["id"]) for e in p3["edges"]] == [("ACTUAL_CONTROLLER_OF", D)]
    assert p3["edges"][0]["node"]["listEntries"]["edges"] == [
        {"node": {"listType": "JUDGMENT_DEFAULTER"}}
    ]


async def test_card_with_two_different_nested_pages_still_answers(gql: GQL) -> None:
    """Lookahead prefetches one nested page; aliases asking for two fall back to the loader."""
    body = await gql(
        """{ enterprise(uscc: "%s") { roles(first: 10) { edges { node { ... on Person {
             all: roles(first: 10) { totalCount } other: roles(first: 10,
             excludeOrganization: "%s") { totalCount } } } } } } }"""
        % (B, B)
    )
    assert "errors" not in body, body
    p1 = body["data"]["enterprise"]["roles"]["edges"][0]["node"]
    assert (p1["all"]["totalCount"], p1["other"]["totalCount"]) == (2, 1)


async def pages(gql: GQL, app: Starlette, total: bool) -> tuple[list[Any], int]:
    """Every page of A's network, two at a time; and the round trips it took."""
    fields = "totalCount" if total else ""
    found, after, trips = [], None, 0
    while True:
        data, used = await counted(gql, app, RELATED % (A, fields), {"after": after})
        page = data["relatedParties"]
        trips += used
        found.append({k: v for k, v in page.items() if k != "totalCount"})
        if total:
            assert page["totalCount"] == 6
        if not page["pageInfo"]["hasNextPage"]:
            return found, trips
        after = page["pageInfo"]["endCursor"]


async def test_related_parties_without_total_walks_only_the_levels_it_shows(
    gql: GQL, app: Starlette
) -> None:
    with_total, trips_with = await pages(gql, app, total=True)
    without, trips_without = await pages(gql, app, total=False)
    assert without == with_total
    ids = [e["node"]["subject"]["id"] for page in without for e in page["edges"]]
    assert ids[:2] == sorted([P1, C])
    assert ids[-1] == D
    assert len(ids) == 6
    assert trips_without < trips_with


async def test_related_parties_total_through_a_fragment(gql: GQL) -> None:
    body = await gql(
        """fragment Total on RelatedPartyConnection { totalCount }
           { relatedParties(id: "%s", maxDepth: 4, asOf: "2022-06-01", first: 1) { ...Total
             edges { node { subject { id } } } } }"""
        % A
    )
    assert "errors" not in body, body
    assert body["data"]["relatedParties"]["totalCount"] == 6


async def test_search_with_a_kind_scans_that_label_alike(gql: GQL) -> None:
    q = '{ searchSubjects(query: "%s", first: 20%s) { totalCount edges { node { id kind } } } }'
    every = (await gql(q % ("公司", "")))["data"]["searchSubjects"]
    enterprises = (await gql(q % ("公司", ", kind: ENTERPRISE")))["data"]["searchSubjects"]
    assert enterprises["edges"] == [e for e in every["edges"] if e["node"]["kind"] == "ENTERPRISE"]
    assert enterprises["totalCount"] == len(enterprises["edges"]) > 0
    exact = (await gql(q % (D, ", kind: ENTERPRISE")))["data"]["searchSubjects"]
    assert exact["edges"][0]["node"]["id"] == D
    none = (await gql(q % ("公司", ", kind: FARMER_COOP")))["data"]["searchSubjects"]
    assert none == {"totalCount": 0, "edges": []}


async def test_validated_document_still_meets_the_limits_of_its_variables(gql: GQL) -> None:
    doc = """query($n: Int!) { searchSubjects(query: "公司", first: $n) { edges { node {
      ... on Organization { roles(first: $n) { edges { node { ... on Person {
        roles(first: $n) { edges { node { name } } } } } } } } } } } }"""
    small = await gql(doc, {"n": 2})
    assert "errors" not in small, small
    big = await gql(doc, {"n": 100})  # the same text: its standard checks are cached
    assert big["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"
    for _ in range(2):  # an invalid document is checked afresh every time
        bad = await gql('{ searchSubjects(query: "x", first: 1) { nope } }')
        assert bad["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_card_loads_the_subject_and_its_holders_side_by_side_in_two_transactions(
    gql: GQL, app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    executor: Executor = app.state.executor
    unit, running, peak, units = executor.unit, 0, 0, 0

    async def watched(work: Any, **kwargs: Any) -> Any:
        nonlocal running, peak, units
        running += 1
        units += 1
        peak = max(peak, running)
        try:
            return await unit(work, **kwargs)
        finally:
            running -= 1

    monkeypatch.setattr(executor, "unit", watched)
    card, trips = await counted(gql, app, CARD, {"u": B, "x": B})
    assert (trips, peak) == (3, 2), "the subject and the holders in flight together"
    assert units == 2, "the list entries in the holders' transaction"
    assert len(card["enterprise"]["roles"]["edges"]) == 3
    unknown = "91110105MARK0L00EN"  # well-formed, not in this graph: its holders load finds none
    body = await gql(CARD, {"u": unknown, "x": unknown})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["NOT_FOUND"]


BRIEF_CARD = """query($u: String!, $x: ID!) { enterprise(uscc: $u) { roles(first: 10) { edges {
  node { id ... on Person { roles(first: 10, excludeOrganization: $x) { edges { role cursor
  node { __typename id name kind ... on Organization { uscc } listEntries(first: 5) {
  edges { node { listType } } } } } } } } } } } }"""
# Each field a brief row lacks, asked of a held role once: the page must come whole.
ROW_FIELDS = ["from", "to", "ratio", "position", "region", "industry", "isSoe", "status",
              "registeredAt"]  # fmt: skip


def _held_selection(field: str) -> str:
    edge = field in ("from", "to", "ratio", "position")
    inner = f"role {field} node {{ id }}" if edge else f"role node {{ id {field} }}"
    return f"roles(first: 10, excludeOrganization: $x) {{ edges {{ {inner} }} }}"


async def test_card_reading_only_names_fetches_brief_rows_with_the_same_answers(
    gql: GQL, app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A card's organisations come as brief rows (role type, id, kind, name) when nothing else
    of them is read, and the answers equal those of each person's page asked on its own."""
    asked = _recording(monkeypatch)
    card, trips = await counted(gql, app, BRIEF_CARD, {"u": B, "x": B})
    assert (asked, trips) == ([True], 3)
    alone_query = BRIEF_CARD.replace("query($u: String!, $x: ID!) { enterprise(uscc: $u) {", "")
    for edge in card["enterprise"]["roles"]["edges"]:
        alone, _ = await counted(
            gql,
            app,
            """query($p: ID!, $x: ID!) { person(id: $p) { %s } }"""
            % alone_query.split("... on Person {", 1)[1].rsplit("} } } } } }", 1)[0],
            {"p": edge["node"]["id"], "x": B},
        )
        assert edge["node"]["roles"] == alone["person"]["roles"]
    p3 = next(e for e in card["enterprise"]["roles"]["edges"] if e["node"]["id"] == P3)
    assert p3["node"]["roles"]["edges"][0]["node"]["uscc"] == D


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record `held.brief` of each holders-with-roles load."""
    import graph.subjects as subjects

    asked: list[bool] = []
    original = subjects._role_holders_with_roles

    async def recorded(executor: Executor, sids: Any, q: Any, held: Any) -> Any:
        asked.append(held.brief)
        return await original(executor, sids, q, held)

    monkeypatch.setattr(subjects, "_role_holders_with_roles", recorded)
    return asked


def test_the_row_fields_are_every_field_a_brief_row_lacks() -> None:
    from api.schema import schema
    from resolvers.subjects.lookahead import BRIEF_FIELDS, _row_fields

    assert _row_fields(schema._schema) - BRIEF_FIELDS == set(ROW_FIELDS)


@pytest.mark.parametrize("field", ROW_FIELDS)
async def test_card_reading_any_other_field_of_a_held_role_gets_whole_rows(
    gql: GQL, app: Starlette, monkeypatch: pytest.MonkeyPatch, field: str
) -> None:
    """Asked next to a brief alias, a field only a whole row holds makes the card fetch whole
    rows, and it is answered as the person's own page answers it."""
    asked = _recording(monkeypatch)
    held = _held_selection(field)
    card = (
        """query($u: String!, $x: ID!) { enterprise(uscc: $u) { roles(first: 10) { edges {
      node { id ... on Person { brief: roles(first: 10, excludeOrganization: $x) { edges { role
      node { name } } } whole: %s } } } } } }"""
        % held
    )
    body = await gql(card, {"u": B, "x": B})
    assert "errors" not in body, body
    assert asked == [False]
    for edge in body["data"]["enterprise"]["roles"]["edges"]:
        alone = await gql(
            "query($p: ID!, $x: ID!) { person(id: $p) { whole: %s } }" % held,
            {"p": edge["node"]["id"], "x": B},
        )
        assert "errors" not in alone, alone
        assert edge["node"]["whole"] == alone["data"]["person"]["whole"]


PAGE = """{ searchSubjects(query: "", first: 10) { edges { node { id %s } } } }"""
PAGE_ROLES = """... on Organization { roles(first: 10) { totalCount edges { role from node { id
  ... on Person { roles(first: 10) { totalCount edges { role node { id } } } } } } } }"""
ORG_ROLES = """query($u: String!) { enterprise(uscc: $u) { %s } }""" % PAGE_ROLES.removeprefix(
    "... on Organization { "
).removesuffix(" }")


async def test_search_page_loads_its_organisations_holders_in_one_batch(
    gql: GQL, app: Starlette, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's organisations get their holders (and the persons' roles) in one round trip
    before their fields run, so no `roles` field waits for a load of its own, and each
    answers as the organisation asked on its own."""
    waited: list[str] = []
    real = types._role_holders

    def recording(info: Any, uscc: str, *args: Any) -> Any:
        waited.append(uscc)
        return real(info, uscc, *args)

    bare, bare_trips = await counted(gql, app, PAGE % "", {})
    monkeypatch.setattr(types, "_role_holders", recording)
    page, trips = await counted(gql, app, PAGE % PAGE_ROLES, {})
    monkeypatch.undo()
    assert trips == bare_trips + 1
    assert waited == []
    nodes = page["searchSubjects"]["edges"]
    assert [n["node"]["id"] for n in nodes] == [
        n["node"]["id"] for n in bare["searchSubjects"]["edges"]
    ]
    orgs = [n["node"] for n in nodes if "roles" in n["node"]]
    assert {A, B, C, D} <= {o["id"] for o in orgs}
    assert any(o["roles"]["totalCount"] for o in orgs)
    for org in orgs:
        alone, _ = await counted(gql, app, ORG_ROLES, {"u": org["id"]})
        assert org["roles"] == alone["enterprise"]["roles"]


async def test_search_page_with_two_different_holder_pages_still_answers(gql: GQL) -> None:
    """Aliases asking for two pages of holders are not prefetched: each loads its own."""
    body = await gql(
        PAGE
        % """... on Organization { a: roles(first: 1) { totalCount
      edges { node { id } } } b: roles(first: 10) { totalCount edges { node { id } } } }"""
    )
    assert "errors" not in body, body
    for edge in body["data"]["searchSubjects"]["edges"]:
        node = edge["node"]
        if "a" in node:
            assert node["a"]["totalCount"] == node["b"]["totalCount"]
            assert node["a"]["edges"] == node["b"]["edges"][:1]
