"""The read API on the `network` scenario (seeds/scenarios/network.jsonl), with exact answers.

Cast (all roles are held from the date given; P2's role ended 2020-12-31):
    P1 -LEGAL_REPRESENTATIVE_OF(2018-01-01)-> A      P1 -DIRECTOR_OF(2019-06-01)-> B
    P2 -LEGAL_REPRESENTATIVE_OF(2015-01-01..2020-12-31)-> B
    P3 -LEGAL_REPRESENTATIVE_OF(2021-01-01)-> B      P3 -ACTUAL_CONTROLLER_OF(2022-01-01)-> D
    A -SHAREHOLDER_OF(2017-01-01, 60%)-> C           P4 -LEGAL_REPRESENTATIVE_OF(2019-01-01)-> C
    E is unconnected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette

from graph.executor import Executor
from graph.identifiers import person_key
from graph.importer import import_files
from tests.conftest import GQL

pytestmark = pytest.mark.db

SCENARIO = Path(__file__).resolve().parents[1] / "seeds" / "scenarios" / "network.jsonl"
KEY = b"test-hash-key"
A, B, C, D, E = (
    "91110105MA01N0AA0Y",
    "91110105MA01N0BB0M",
    "91110108MA01N0CC0P",
    "91110108MA01N0DD0E",
    "91110101MA01N0EE00",
)
P1, P2, P3, P4 = (
    person_key(n, KEY).pid
    for n in (
        "110105198001010016",
        "110105197502020023",
        "110108198503030032",
        "110108199004040046",
    )
)

RELATED = """query($id: ID!, $d: Int!, $asOf: Date, $first: Int!) {
  relatedParties(id: $id, maxDepth: $d, asOf: $asOf, first: $first) {
    totalCount
    edges { node { distance subject { id }
      path { length nodes { id } edges { role holder organization from to } } } }
  }
}"""


@pytest.fixture(scope="module", autouse=True)
async def network(executor: Executor) -> None:
    from tests.conftest import DELETE_ALL

    await executor.write(DELETE_ALL)
    summary = await import_files(executor, [SCENARIO], id_key=KEY, progress=False)
    assert summary.rejected == 0


async def related(gql: GQL, sid: str, depth: int, as_of: str | None) -> list[tuple[str, int]]:
    body = await gql(RELATED, {"id": sid, "d": depth, "asOf": as_of, "first": 100})
    assert "errors" not in body, body
    edges = body["data"]["relatedParties"]["edges"]
    return [(e["node"]["subject"]["id"], e["node"]["distance"]) for e in edges]


def ordered(*pairs: tuple[str, int]) -> list[tuple[str, int]]:
    return sorted(pairs, key=lambda p: (p[1], p[0]))


async def test_related_parties_by_distance(gql: GQL) -> None:
    assert await related(gql, A, 2, "2022-06-01") == ordered((P1, 1), (C, 1), (B, 2), (P4, 2))
    assert await related(gql, A, 3, "2022-06-01") == ordered(
        (P1, 1), (C, 1), (B, 2), (P4, 2), (P3, 3)
    )
    assert await related(gql, A, 4, "2022-06-01") == ordered(
        (P1, 1), (C, 1), (B, 2), (P4, 2), (P3, 3), (D, 4)
    )
    assert await related(gql, E, 4, "2022-06-01") == []


async def test_as_of_excludes_ended_and_future_roles(gql: GQL) -> None:
    # 2020-06-01: P2 still represents B, P3 not yet; P3's control of D starts in 2022.
    assert await related(gql, A, 4, "2020-06-01") == ordered(
        (P1, 1), (C, 1), (B, 2), (P4, 2), (P2, 3)
    )
    # 2018-03-01: P1 is not yet a director of B, P4 not yet C's representative.
    assert await related(gql, A, 4, "2018-03-01") == ordered((P1, 1), (C, 1))


async def test_each_related_party_carries_one_shortest_path(gql: GQL) -> None:
    body = await gql(RELATED, {"id": A, "d": 3, "asOf": "2022-06-01", "first": 100})
    by_id = {e["node"]["subject"]["id"]: e["node"] for e in body["data"]["relatedParties"]["edges"]}
    path = by_id[P3]["path"]
    assert path["length"] == 3
    assert [n["id"] for n in path["nodes"]] == [A, P1, B, P3]
    assert path["edges"] == [
        {"role": "LEGAL_REPRESENTATIVE_OF", "holder": P1, "organization": A,
         "from": "2018-01-01", "to": None},
        {"role": "DIRECTOR_OF", "holder": P1, "organization": B, "from": "2019-06-01", "to": None},
        {"role": "LEGAL_REPRESENTATIVE_OF", "holder": P3, "organization": B,
         "from": "2021-01-01", "to": None},
    ]  # fmt: skip
    assert by_id[C]["path"]["edges"][0]["role"] == "SHAREHOLDER_OF"


async def test_related_parties_pages(gql: GQL) -> None:
    q = (
        """query($after: String) { relatedParties(id: "%s", maxDepth: 4, asOf: "2022-06-01",
             first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor }
             edges { node { subject { id } } } } }"""
        % A
    )
    first = (await gql(q))["data"]["relatedParties"]
    assert first["totalCount"] == 6
    assert first["pageInfo"]["hasNextPage"] is True
    second = (await gql(q, {"after": first["pageInfo"]["endCursor"]}))["data"]["relatedParties"]
    assert second["pageInfo"]["hasNextPage"] is False
    ids = [e["node"]["subject"]["id"] for e in first["edges"] + second["edges"]]
    assert ids == [s for s, _ in ordered((P1, 1), (C, 1), (B, 2), (P4, 2), (P3, 3), (D, 4))]


PATHS = """query($from: ID!, $to: ID!, $d: Int) {
  pathsBetween(from: $from, to: $to, maxDepth: $d) { totalCount
    edges { node { length nodes { id } hops { from { id } to { id } relations { role } } } } } }"""


async def test_paths_between(gql: GQL) -> None:
    body = await gql(PATHS, {"from": A, "to": D})
    conn = body["data"]["pathsBetween"]
    assert conn["totalCount"] == 1
    path = conn["edges"][0]["node"]
    assert [n["id"] for n in path["nodes"]] == [A, P1, B, P3, D]
    assert [(h["from"]["id"], h["to"]["id"]) for h in path["hops"]] == [
        (A, P1), (P1, B), (B, P3), (P3, D),
    ]  # fmt: skip
    assert [[r["role"] for r in h["relations"]] for h in path["hops"]] == [
        ["LEGAL_REPRESENTATIVE_OF"], ["DIRECTOR_OF"], ["LEGAL_REPRESENTATIVE_OF"],
        ["ACTUAL_CONTROLLER_OF"],
    ]  # fmt: skip
    none = await gql(PATHS, {"from": A, "to": E})
    assert none["data"]["pathsBetween"] == {"totalCount": 0, "edges": []}
    short = await gql(PATHS, {"from": A, "to": D, "d": 3})
    assert short["data"]["pathsBetween"] == {"totalCount": 0, "edges": []}


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ('{ relatedParties(id: "%s", maxDepth: 9, first: 5) { totalCount } }' % A,
         "BAD_USER_INPUT"),
        ('{ relatedParties(id: "%s", first: 10000) { totalCount } }' % A, "LIMIT_EXCEEDED"),
        ('{ relatedParties(id: "NOPE", first: 5) { totalCount } }', "NOT_FOUND"),
        ('{ pathsBetween(from: "%s", to: "NOPE") { totalCount } }' % A, "NOT_FOUND"),
        ('{ enterprise(uscc: "91110105MA01N0AA0X") { name } }', "BAD_USER_INPUT"),
        ('{ enterprise(uscc: "91110105MA01N0AB09") { name } }', "BAD_USER_INPUT"),
        ('{ person(id: "%s") { name } }' % A, "NOT_FOUND"),
        ('{ records(subjectId: "%s", first: 101) { totalCount } }' % A, "LIMIT_EXCEEDED"),
        ('{ records(subjectId: "%s", first: 5, after: "garbage") { totalCount } }' % A,
         "BAD_USER_INPUT"),
    ],
)  # fmt: skip
async def test_bad_input_is_a_typed_error(gql: GQL, query: str, code: str) -> None:
    body = await gql(query)
    assert body["errors"][0]["extensions"]["code"] == code, body


async def test_records_newest_first_with_subtypes(gql: GQL) -> None:
    body = await gql(
        """{ records(subjectId: "%s", first: 10) { totalCount edges { node { __typename id
             decisionDate authority { id } ... on AdminPenalty { procedure penaltyKind } } } } }"""
        % A
    )
    conn = body["data"]["records"]
    assert conn["totalCount"] == 3
    nodes = [e["node"] for e in conn["edges"]]
    assert [n["id"] for n in nodes] == ["NET-R03", "NET-R01", "NET-R02"]
    assert nodes[0] == {
        "__typename": "AdminPenalty",
        "id": "NET-R03",
        "decisionDate": "2026-04-06",
        "authority": {"id": "NET-SAMR"},
        "procedure": "SIMPLE",
        "penaltyKind": "WARNING",
    }
    assert nodes[2]["__typename"] == "AdminLicense"
    only = await gql('{ records(subjectId: "%s", first: 10, types: [ADMIN_LICENSE]) '
                     "{ edges { node { id } } } }" % A)  # fmt: skip
    assert [e["node"]["id"] for e in only["data"]["records"]["edges"]] == ["NET-R02"]


async def test_list_entries_report_expiry(gql: GQL) -> None:
    q = '{ listEntries(subjectId: "%s", first: 10%s) { edges { node { id listType status } } } }'
    every = await gql(q % (B, ""))
    assert [e["node"] for e in every["data"]["listEntries"]["edges"]] == [
        {"id": "NET-L01", "listType": "SERIOUS_DISHONESTY", "status": "ACTIVE"},
        {"id": "NET-L02", "listType": "KEY_ATTENTION", "status": "EXPIRED"},
        {"id": "NET-L03", "listType": "BUSINESS_ANOMALY", "status": "REMOVED"},
    ]
    active = await gql(q % (B, ", status: [ACTIVE]"))
    assert [e["node"]["id"] for e in active["data"]["listEntries"]["edges"]] == ["NET-L01"]


async def test_entity_card_and_search(gql: GQL) -> None:
    body = await gql(
        """{ enterprise(uscc: "%s") { __typename name roles(first: 10) { totalCount
             edges { role from to node { __typename id name ... on Person {
               roles(first: 10, excludeOrganization: "%s") { edges { role node { id
                 listEntries(first: 5, status: [ACTIVE]) { edges { node { listType } } }
             } } } } } } } } }"""
        % (B, B)
    )
    assert "errors" not in body, body
    card = body["data"]["enterprise"]
    assert card["__typename"] == "Enterprise"
    roles = [(e["role"], e["node"]["id"], e["from"], e["to"]) for e in card["roles"]["edges"]]
    assert roles == [
        ("DIRECTOR_OF", P1, "2019-06-01", None),
        ("LEGAL_REPRESENTATIVE_OF", P2, "2015-01-01", "2020-12-31"),
        ("LEGAL_REPRESENTATIVE_OF", P3, "2021-01-01", None),
    ]
    p3_other = card["roles"]["edges"][2]["node"]["roles"]["edges"]
    assert [(e["role"], e["node"]["id"]) for e in p3_other] == [("ACTUAL_CONTROLLER_OF", D)]
    assert p3_other[0]["node"]["listEntries"]["edges"] == [
        {"node": {"listType": "JUDGMENT_DEFAULTER"}}
    ]
    found = await gql(
        '{ searchSubjects(query: "商贸", first: 5) { totalCount edges { node { id } } } }'
    )
    assert found["data"]["searchSubjects"] == {"totalCount": 1, "edges": [{"node": {"id": B}}]}
    exact = await gql('{ searchSubjects(query: "%s", first: 5) { edges { node { id } } } }' % D)
    assert exact["data"]["searchSubjects"]["edges"][0]["node"]["id"] == D


async def test_dashboard_stats(gql: GQL) -> None:
    body = await gql(
        """{ stats(from: "2025-11-01", to: "2026-11-01") { subjectsByKind { key count }
             activeListEntries { listType authorityId count }
             publicationTimeliness { authorityId total onTime unpublished share }
             recordsByTypeMonth { recordType month count } } }"""
    )
    stats: dict[str, Any] = body["data"]["stats"]
    assert {(r["key"], r["count"]) for r in stats["subjectsByKind"]} == {
        ("ENTERPRISE", 5),
        ("NATURAL_PERSON", 4),
    }
    assert stats["activeListEntries"] == [
        {"listType": "JUDGMENT_DEFAULTER", "authorityId": "NET-COURT", "count": 1},
        {"listType": "SERIOUS_DISHONESTY", "authorityId": "NET-SAMR", "count": 1},
    ]
    # R01 6 working days (on time), R02 9 (late), R03 unpublished, R04 4 (on time).
    assert stats["publicationTimeliness"] == [
        {"authorityId": "NET-SAMR", "total": 4, "onTime": 2, "unpublished": 1, "share": 0.5}
    ]
    assert {(r["recordType"], r["month"], r["count"]) for r in stats["recordsByTypeMonth"]} == {
        ("ADMIN_LICENSE", "2025-12", 1),
        ("ADMIN_PENALTY", "2026-03", 1),
        ("ADMIN_LICENSE", "2026-03", 1),
        ("ADMIN_PENALTY", "2026-04", 1),
    }


async def test_nested_query_costs_one_round_trip_per_level(
    gql: GQL, app: Starlette, executor: Executor
) -> None:
    """50 enterprises × their roles × the holders' other roles × list entries: 4 round trips."""
    from stdnum.cn import ric, uscc

    from graph.importer import import_rows

    rows: list[dict[str, Any]] = []
    for i in range(50):
        body = f"9111010{i % 10}MA0N1P{i:03d}"
        u = body + uscc.calc_check_digit(body)
        other_body = f"9111010{i % 10}MA0N2P{i:03d}"
        other = other_body + uscc.calc_check_digit(other_body)
        pid = f"11010519700101{i:03d}"
        idn = pid + ric.calc_check_digit(pid + "0")
        rows += [
            {"kind": "organization", "uscc": u, "name": f"批量测试公司{i}"},
            {"kind": "organization", "uscc": other, "name": f"关联公司{i}"},
            {"kind": "person", "idNumber": idn, "name": f"负责人{i}"},
            {"kind": "role", "role": "LEGAL_REPRESENTATIVE_OF", "holderIdNumber": idn,
             "uscc": u, "from": "2020-01-01"},
            {"kind": "role", "role": "DIRECTOR_OF", "holderIdNumber": idn, "uscc": other,
             "from": "2021-01-01"},
        ]  # fmt: skip
    summary = await import_rows(
        executor, [("n+1", n + 1, r) for n, r in enumerate(rows)], id_key=KEY, progress=False
    )
    assert summary.rejected == 0
    query = """{ searchSubjects(query: "批量测试公司", first: 50) { edges { node {
      ... on Organization { name roles(first: 3) { edges { node {
        ... on Person { name roles(first: 3) { edges { node { name
          listEntries(first: 2) { edges { node { listType } } }
        } } } }
      } } } }
    } } } }"""
    stats = app.state.executor.stats
    before = stats.round_trips
    body = await gql(query)
    trips = stats.round_trips - before
    assert "errors" not in body, body
    edges = body["data"]["searchSubjects"]["edges"]
    assert len(edges) == 50
    assert all(len(e["node"]["roles"]["edges"]) == 1 for e in edges)
    assert all(len(e["node"]["roles"]["edges"][0]["node"]["roles"]["edges"]) == 2 for e in edges)
    assert trips <= 4, f"{trips} round trips for a root and 3 nested levels"


async def test_subject_carries_grade_flags_and_indicators(gql: GQL) -> None:
    """The Subject interface exposes sanctions, grade and risk indicators side by side."""
    body = await gql(
        """{ b: enterprise(uscc: "%s") { grade(asOf: "2026-11-01") { grade seriousCount }
             flags { ruleId } riskIndicators { score } }
             e: subject(id: "%s") { grade(asOf: "2026-11-01") { grade } flags { ruleId } } }"""
        % (B, E)
    )
    assert "errors" not in body, body
    # B holds an active serious-dishonesty entry: class C (imported, not designated: no flags).
    assert body["data"]["b"]["grade"] == {"grade": "C", "seriousCount": 1}
    assert body["data"]["b"]["flags"] == []
    assert body["data"]["e"] == {"grade": {"grade": "A"}, "flags": []}


async def test_the_network_size_limit_binds_only_when_the_total_is_asked(
    executor: Executor,
) -> None:
    from datetime import date

    from graph.errors import LimitExceeded
    from graph.network import related_parties

    day = date(2022, 6, 1)
    # Level 2 takes the network past 4 subjects; a page of 3 is complete at that level, so a
    # caller who does not ask for the total gets it (middle level at depth 4, last level at 2).
    for depth in (4, 2):
        page = await related_parties(
            executor, A, max_depth=depth, as_of=day, limit=3, count=False, max_nodes=4
        )
        assert [(r.node["sid"], r.distance) for r in page.reached] == ordered(
            (P1, 1), (C, 1), (B, 2)
        )
        with pytest.raises(LimitExceeded):
            await related_parties(executor, A, max_depth=depth, as_of=day, limit=3, max_nodes=4)


# -- issue 18: partial data, Relay nodes, the global list, backward paging ---------------------
def _valid_uscc(body: str) -> str:
    from stdnum.cn import uscc

    return body + uscc.calc_check_digit(body)


async def test_an_unknown_subject_nulls_only_its_own_field(gql: GQL) -> None:
    unknown = _valid_uscc("91110105MA01N0XX0")
    body = await gql(
        '{ a: enterprise(uscc: "%s") { name } b: enterprise(uscc: "%s") { name } '
        'c: person(id: "%s") { name } }' % (A, unknown, P1)
    )
    assert body["data"] == {"a": {"name": "甲网络科技有限公司"}, "b": None, "c": {"name": "王芳"}}
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [(["b"], "NOT_FOUND")]
    malformed = await gql(
        '{ a: enterprise(uscc: "%s") { name } b: enterprise(uscc: "X") { name } }' % A
    )
    assert malformed["data"]["a"] == {"name": "甲网络科技有限公司"}
    assert [(e["path"], e["extensions"]["code"]) for e in malformed["errors"]] == [
        (["b"], "BAD_USER_INPUT")
    ]
    gone = await gql(
        '{ s: subject(id: "P0000000000000000") { id } p: person(id: "%s") { id } }' % A
    )
    assert gone["data"] == {"s": None, "p": None}
    assert sorted((e["path"][0], e["extensions"]["code"]) for e in gone["errors"]) == [
        ("p", "NOT_FOUND"), ("s", "NOT_FOUND"),
    ]  # fmt: skip


async def test_node_refetches_a_subject_by_the_id_it_gave(gql: GQL) -> None:
    body = await gql(
        '{ o: node(id: "%s") { __typename id ... on Organization { name } } '
        'p: node(id: "%s") { __typename id ... on Person { name } } '
        'x: node(id: "nothing") { id } }' % (A.lower(), P1)
    )
    assert body["data"]["o"] == {"__typename": "Enterprise", "id": A, "name": "甲网络科技有限公司"}
    assert body["data"]["p"] == {"__typename": "Person", "id": P1, "name": "王芳"}
    assert body["data"]["x"] is None
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [(["x"], "NOT_FOUND")]


ENTRIES = """query($f: ListEntryFilter, $first: Int, $last: Int, $after: String, $before: String) {
  listEntries(filter: $f, first: $first, last: $last, after: $after, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id status subject { id name } } } } }"""


async def _entries(gql: GQL, f: dict[str, Any] | None = None, **kw: Any) -> dict[str, Any]:
    body = await gql(ENTRIES, {"f": f, "first": 10, **kw})
    assert "errors" not in body, body
    conn: dict[str, Any] = body["data"]["listEntries"]
    return conn


def _ids(conn: dict[str, Any]) -> list[str]:
    return [e["node"]["id"] for e in conn["edges"]]


async def test_the_global_list_of_entries_with_filters(gql: GQL) -> None:
    every = await _entries(gql)
    assert every["totalCount"] == 4
    assert _ids(every) == ["NET-L04", "NET-L01", "NET-L02", "NET-L03"]  # newest decision first
    assert [e["node"]["subject"]["id"] for e in every["edges"]] == [D, B, B, B]
    assert every["edges"][0]["node"]["subject"]["name"] == "丁餐饮管理有限公司"
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"status": ["ACTIVE"]}, ["NET-L04", "NET-L01"]),
        ({"status": ["EXPIRED", "REMOVED"]}, ["NET-L02", "NET-L03"]),
        ({"listType": ["JUDGMENT_DEFAULTER", "KEY_ATTENTION"]}, ["NET-L04", "NET-L02"]),
        ({"authority": ["NET-SAMR"]}, ["NET-L01", "NET-L02", "NET-L03"]),
        ({"region": ["110108"]}, ["NET-L04"]),
        ({"decidedFrom": "2023-01-10", "decidedTo": "2025-05-01"}, ["NET-L01", "NET-L02"]),
        ({"subjectId": B, "status": ["ACTIVE"]}, ["NET-L01"]),
        ({"subjectId": B, "authority": ["NET-COURT"]}, []),
        ({"subjectId": D, "region": ["110108"], "decidedFrom": "2026-01-01"}, ["NET-L04"]),
        ({"authority": ["NET-SAMR"], "status": ["ACTIVE", "EXPIRED"]}, ["NET-L01", "NET-L02"]),
    ]
    for f, expected in cases:
        conn = await _entries(gql, f)
        assert (_ids(conn), conn["totalCount"]) == (expected, len(expected)), f
    # The subject-scoped form of old still answers (its arguments are deprecated, not gone).
    old = await gql('{ listEntries(subjectId: "%s", first: 5, status: [ACTIVE]) '
                    "{ edges { node { id subject { id } } } } }" % B)  # fmt: skip
    assert old["data"]["listEntries"]["edges"] == [
        {"node": {"id": "NET-L01", "subject": {"id": B}}}
    ]
    both = await gql('{ listEntries(subjectId: "%s", filter: {subjectId: "%s"}, first: 5) '
                     "{ totalCount } }" % (B, D))  # fmt: skip
    assert both["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    unknown = await gql('{ listEntries(filter: {subjectId: "NOPE"}, first: 5) { totalCount } }')
    assert unknown["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_the_public_sees_only_entries_in_force(gql: GQL) -> None:
    public = await gql(ENTRIES, {"first": 10}, authorization="")
    assert "errors" not in public, public
    assert _ids(public["data"]["listEntries"]) == ["NET-L04", "NET-L01"]
    assert public["data"]["listEntries"]["totalCount"] == 2
    refused = await gql(ENTRIES, {"first": 10, "f": {"status": ["REMOVED"]}}, authorization="")
    assert refused["data"] is None
    assert refused["errors"][0]["extensions"]["code"] in ("FORBIDDEN", "UNAUTHENTICATED")
    allowed = await gql(ENTRIES, {"first": 10, "f": {"status": ["ACTIVE"]}}, authorization="")
    assert _ids(allowed["data"]["listEntries"]) == ["NET-L04", "NET-L01"]


async def test_backward_paging(gql: GQL) -> None:
    tail = await _entries(gql, first=None, last=3)
    assert _ids(tail) == ["NET-L01", "NET-L02", "NET-L03"]
    assert tail["pageInfo"]["hasPreviousPage"] is True
    assert tail["pageInfo"]["hasNextPage"] is False
    before = await _entries(gql, first=None, last=2, before=tail["pageInfo"]["endCursor"])
    assert _ids(before) == ["NET-L01", "NET-L02"]
    head = await _entries(gql, first=None, last=5, before=before["pageInfo"]["startCursor"])
    assert _ids(head) == ["NET-L04"]
    assert head["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "startCursor": head["edges"][0]["cursor"],
        "endCursor": head["edges"][0]["cursor"],
    }
    # Forward and backward cursors are the same positions.
    forward = await _entries(gql, first=2, after=head["pageInfo"]["endCursor"])
    assert _ids(forward) == ["NET-L01", "NET-L02"]
    # The nested connections and relatedParties page backwards the same way.
    body = await gql(
        """{ subject(id: "%s") { listEntries(last: 2) { edges { node { id } } }
             records(last: 1) { edges { node { id } } } }
             enterprise(uscc: "%s") { roles(last: 1) { edges { node { id } } } }
             relatedParties(id: "%s", maxDepth: 4, asOf: "2022-06-01", last: 2) {
               totalCount edges { node { subject { id } } } }
             searchSubjects(query: "有限公司", last: 1) { edges { node { id } } } }"""
        % (B, B, A)
    )
    assert "errors" not in body, body
    data = body["data"]
    assert [e["node"]["id"] for e in data["subject"]["listEntries"]["edges"]] == [
        "NET-L02", "NET-L03",
    ]  # fmt: skip
    assert len(data["subject"]["records"]["edges"]) == 1
    assert [e["node"]["id"] for e in data["enterprise"]["roles"]["edges"]] == [P3]
    assert [e["node"]["subject"]["id"] for e in data["relatedParties"]["edges"]] == [P3, D]
    assert data["relatedParties"]["totalCount"] == 6
    assert len(data["searchSubjects"]["edges"]) == 1
    for bad, code in (
        ("first: 2, last: 2", "BAD_USER_INPUT"),
        ("", "BAD_USER_INPUT"),
        ("last: 1000", "LIMIT_EXCEEDED"),
        ('last: 1, before: "x"', "BAD_USER_INPUT"),
    ):
        err = await gql(
            "{ listEntries(%s) { totalCount } }" % bad if bad else "{ listEntries { totalCount } }"
        )
        assert err["errors"][0]["extensions"]["code"] == code, (bad, err)
