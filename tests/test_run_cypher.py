"""runCypher and runAnalyticsQuery on the real embedded database, layer by layer.

* writes refused by the guard change nothing (a fingerprint of the graph before and after);
* a write sent past the guard, straight to `Executor.read_rolled_back`, runs (ArcadeDB ignores
  the READ access mode, measured) and is rolled back;
* the time limit stops a slow query, the row cap truncates;
* every route to personal data is refused, and what comes back is stripped;
* only analysts and admins may call, and every call is audited.

The analysts' texts are in tests/data/analyst_queries.yaml (user input, not project
statements). The world is imported once with its own business keys (names start with 分析).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from time import monotonic
from typing import Any

import pytest
import yaml
from stdnum.cn import ric, uscc

from api.auth import Principal, Role, issue_token
from api.settings import Settings
from bench.counts import count_graph
from graph import audit
from graph.analyst import run
from graph.analyst.render import render
from graph.errors import BadUserInput, Forbidden, LimitExceeded, NotFound
from graph.executor import Executor
from graph.identifiers import person_key
from graph.importer import import_rows
from graph.model import MODEL
from graph.risk import analytics
from graph.subjects import subjects_by_sid
from tests.conftest import GQL

pytestmark = pytest.mark.db

QUERIES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "data" / "analyst_queries.yaml").read_text(encoding="utf-8")
)
KEY = b"test-hash-key"  # the test settings' CREDITGRAPH_ID_HASH_KEY
ADDRESS = "北京市朝阳区分析测试路3号"
PHONE = "010-55550177"
LIMITS = run.Limits(max_rows=100, time_limit=10.0)
PARAMS = {"h": "x", "k": "name", "n": 3, "uscc": "x"}  # values for the texts' $parameters


def org_id(n: int) -> str:
    body = f"91110105AQ{n:07d}"
    return body + uscc.calc_check_digit(body)


def citizen(n: int) -> str:
    body = f"110101199003{n:02d}{n:03d}"
    return body + ric.calc_check_digit(body + "0")


def analyst(role: Role = Role.ANALYST, purpose: str | None = None) -> Principal:
    return Principal(id=f"analyst-{uuid.uuid4().hex[:12]}", role=role, purpose=purpose)


@dataclass(frozen=True)
class World:
    orgs: tuple[str, str]
    person: str


@pytest.fixture(scope="module")
async def world(executor: Executor) -> World:
    rows: list[dict[str, Any]] = [
        {"kind": "organization", "uscc": org_id(1), "name": "分析测试企业甲"},
        {"kind": "organization", "uscc": org_id(2), "name": "分析测试企业乙"},
        {
            "kind": "person",
            "idNumber": citizen(1),
            "name": "分析甲",
            "address": ADDRESS,
            "phone": PHONE,
        },
        {
            "kind": "role",
            "role": "LEGAL_REPRESENTATIVE_OF",
            "holderIdNumber": citizen(1),
            "uscc": org_id(1),
            "from": "2020-01-01",
        },
    ]
    summary = await import_rows(
        executor, [("analyst", i, r) for i, r in enumerate(rows)], id_key=KEY, progress=False
    )
    assert summary.rejected == 0, [str(r) for r in summary.sample]
    return World((org_id(1), org_id(2)), person_key(citizen(1), KEY).pid)


async def fingerprint(executor: Executor, world: World) -> tuple[Any, ...]:
    """Nodes per label, relationships per type (audit events aside) and the world's subjects."""
    counts = await count_graph(executor)
    del counts.nodes["AuditEvent"]
    subjects = await subjects_by_sid(executor, [*world.orgs, world.person])
    return dict(counts.nodes), dict(counts.relationships), subjects


async def run_text(
    executor: Executor, text: str, params: dict[str, Any] | None = None, **kw: Any
) -> run.QueryResult:
    limits = kw.pop("limits", LIMITS)
    who = kw.pop("principal", analyst())
    return await run.run_cypher(executor, who, text, params, limits, personal_data=False, **kw)


# -- layer 1 and 2: nothing is written ---------------------------------------------------------
@pytest.mark.parametrize("name", sorted(QUERIES["writes"]))
async def test_a_write_through_run_cypher_fails_and_changes_nothing(
    executor: Executor, world: World, name: str
) -> None:
    before = await fingerprint(executor, world)
    with pytest.raises((Forbidden, BadUserInput)):
        await run_text(executor, QUERIES["writes"][name], PARAMS)
    assert await fingerprint(executor, world) == before


@pytest.mark.parametrize("name", sorted(QUERIES["data_only"]))
async def test_write_words_in_strings_and_comments_run_and_write_nothing(
    executor: Executor, world: World, name: str
) -> None:
    before = await fingerprint(executor, world)
    result = await run_text(executor, QUERIES["data_only"][name])
    assert result.columns
    assert await fingerprint(executor, world) == before


async def test_an_escaped_quote_hides_no_clause(executor: Executor, world: World) -> None:
    result = await run_text(executor, QUERIES["data_only"]["escaped_quote"])
    assert result.rows == [["a' CREATE (:Probe {x: 1}) //"]]


async def test_a_write_that_slips_past_the_guard_is_rolled_back(
    executor: Executor, world: World
) -> None:
    """Layer 2 alone: ArcadeDB runs the write despite the READ access mode; nothing persists."""
    before = await fingerprint(executor, world)
    created = await executor.read_rolled_back(
        QUERIES["past_the_guard"]["create"], {}, max_rows=10, time_limit=10
    )
    assert created.rows == [[1]]  # the CREATE ran inside the transaction
    renamed = await executor.read_rolled_back(
        QUERIES["past_the_guard"]["rename"], {"uscc": world.orgs[0]}, max_rows=10, time_limit=10
    )
    assert renamed.rows == [["renamed"]]
    after = await fingerprint(executor, world)
    assert after == before
    assert after[2][world.orgs[0]]["name"] == "分析测试企业甲"


# -- layer 3: time and rows --------------------------------------------------------------------
async def test_a_slow_query_stops_at_the_time_limit(executor: Executor, world: World) -> None:
    who = analyst()
    started = monotonic()
    with pytest.raises(LimitExceeded, match=r"longer than 0\.3 s"):
        await run_text(
            executor, QUERIES["slow"], principal=who, limits=run.Limits(100, time_limit=0.3)
        )
    assert monotonic() - started < 3
    (event,) = await audit.search_events(executor, audit.EventFilter(actor=who.id), 0, 10)
    assert (event["outcome"], event["detail"]) == (run.FAILED, "LIMIT_EXCEEDED: time limit")


async def test_rows_past_the_cap_are_not_read_and_the_result_says_so(
    executor: Executor, world: World
) -> None:
    text, cap = QUERIES["allowed"]["rows"], run.Limits(max_rows=10, time_limit=10)
    capped = await run_text(executor, text, {"n": 50}, limits=cap)
    assert (capped.rows, capped.truncated, capped.max_rows) == (
        [[i] for i in range(1, 11)],
        True,
        10,
    )
    exact = await run_text(executor, text, {"n": 10}, limits=cap)
    assert (len(exact.rows), exact.truncated) == (10, False)


# -- personal data -----------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(QUERIES["personal"]))
async def test_routes_to_personal_data_are_refused(
    executor: Executor, world: World, name: str
) -> None:
    with pytest.raises(Forbidden):
        await run_text(executor, QUERIES["personal"][name], PARAMS)


async def test_parameters_naming_protected_properties_are_refused(
    executor: Executor, world: World
) -> None:
    with pytest.raises(Forbidden, match="birthDate"):
        await run_text(executor, QUERIES["allowed"]["rows"], {"n": 1, "f": ["birthDate"]})


async def test_protected_keys_are_stripped_from_what_comes_back(
    executor: Executor, world: World
) -> None:
    """Layer 4 alone: a query past the guard reads everything; the renderer lets none of it out."""
    fetched = await executor.read_rolled_back(
        QUERIES["past_the_guard"]["dump"], {}, max_rows=10, time_limit=10
    )
    assert PHONE in repr(fetched.rows)
    assert ADDRESS in repr(fetched.rows)
    columns, rows, redacted = render(fetched, personal_data=False)
    assert columns == ["node", "props", "projected", "text"]
    text = json.dumps(rows, ensure_ascii=False)
    assert PHONE not in text
    assert ADDRESS not in text
    node, props, projected, dump = rows[0]
    assert set(node) == {"labels", "properties"}
    assert node["properties"]["name"] == "分析甲"
    protected = {n.lower() for n in MODEL.protected_properties}
    for shown in (node["properties"], props, projected):
        assert {k.lower() for k in shown} & protected == set()
    assert dump is None
    assert redacted >= 3 * 4 + 2  # address, phone, idHash, birthDate… thrice, the text, phone
    columns, rows, redacted = render(fetched, personal_data=True)
    assert "phone" in columns
    assert PHONE in json.dumps(rows, ensure_ascii=False)
    assert redacted == 0


async def test_nodes_relationships_paths_and_temporal_values_as_json(
    executor: Executor, world: World
) -> None:
    nodes = await run_text(executor, QUERIES["allowed"]["nodes_whole"])
    ((person,),) = nodes.rows
    assert person["labels"] == ["Person", "Subject"]
    assert person["properties"]["sid"] == world.person
    assert not {k.lower() for k in person["properties"]} & {"idhash", "phone", "address"}
    assert nodes.redactions > 0
    paths = await run_text(executor, QUERIES["allowed"]["relationships_and_paths"])
    ((path, rel, org, _labels, role),) = paths.rows
    assert [step.get("type") for step in path] == [None, "LEGAL_REPRESENTATIVE_OF", None]
    assert path[0]["properties"]["name"] == "分析甲"
    assert path[2]["properties"]["name"] == org["name"]
    assert rel == {"type": role, "properties": path[1]["properties"]}
    assert rel["properties"]["from"] == "2020-01-01"
    temporal = await run_text(executor, QUERIES["allowed"]["temporal"])
    assert temporal.rows == [
        ["2024-06-01", "2024-06-01T08:30:00+00:00", "P1DT2H", "10:15:00", "2024-06-01"]
    ]


@pytest.mark.parametrize("name", sorted(QUERIES["allowed"]))
async def test_ordinary_analyst_queries_run(executor: Executor, world: World, name: str) -> None:
    result = await run_text(executor, QUERIES["allowed"][name], PARAMS)
    assert result.columns
    assert result.audit_event_id.startswith("AE")


# -- analytics files ---------------------------------------------------------------------------
async def test_analytics_files_run_by_name_with_the_same_limits(
    executor: Executor, world: World
) -> None:
    who = analyst()
    grades = await run.run_analytics_query(
        executor,
        who,
        "grade_distribution",
        {"periodEnd": "2026-06-30"},
        None,
        LIMITS,
        personal_data=False,
    )
    assert grades.columns == list(analytics.QUERIES["grade_distribution"].returns)
    capped = await run.run_analytics_query(
        executor,
        who,
        "hebei_grades",
        {},
        date(2026, 6, 30),
        run.Limits(1, 10),
        personal_data=False,
    )
    assert (len(capped.rows), capped.truncated) == (1, True)
    with pytest.raises(NotFound):
        await run.run_analytics_query(
            executor, who, "delete_all", {}, None, LIMITS, personal_data=False
        )
    with pytest.raises(BadUserInput, match="clusterId"):
        await run.run_analytics_query(
            executor, who, "cluster_members", {}, None, LIMITS, personal_data=False
        )
    with pytest.raises(BadUserInput, match="limit must be a INTEGER"):
        await run.run_analytics_query(
            executor, who, "risk_clusters", {"limit": "ten"}, None, LIMITS, personal_data=False
        )
    with pytest.raises(Forbidden):
        await run.run_analytics_query(
            executor,
            who,
            "linked_risk_indicators",
            {"sid": "phone"},
            None,
            LIMITS,
            personal_data=False,
        )


def test_the_catalogue_lists_every_analytics_file_with_its_defaults() -> None:
    day = date(2026, 6, 30)
    listed = {q.name: q for q in run.catalogue(day)}
    assert sorted(listed) == sorted(analytics.QUERIES)
    members = listed["cluster_members"]
    assert members.returns == ["sid", "name", "kind", "listed", "grade", "links"]
    assert {p.name: p.default for p in members.params} == {"clusterId": None, "asOf": "2026-06-30"}
    assert "Neo4j Browser" not in members.description
    assert members.description


# -- audit -------------------------------------------------------------------------------------
async def test_every_call_is_audited_with_a_digest_and_its_outcome(
    executor: Executor, world: World
) -> None:
    who = analyst(purpose="风险研究 2026-Q2")
    count = QUERIES["allowed"]["count"]
    done = await run_text(executor, count, principal=who)
    with pytest.raises(Forbidden):
        await run_text(executor, QUERIES["writes"]["merge"], principal=who)
    with pytest.raises(BadUserInput):
        await run_text(executor, QUERIES["syntax_error"], principal=who)
    found = await audit.search_events(executor, audit.EventFilter(actor=who.id), 0, 10)
    events = {e["eventId"]: e for e in found}
    ok = events.pop(done.audit_event_id)
    assert (ok["operation"], ok["outcome"], ok["role"], ok["purpose"]) == (
        "runCypher",
        "OK",
        "analyst",
        "风险研究 2026-Q2",
    )
    assert ok["detail"].startswith("rows=1 truncated=false ms=")
    assert ok["inputDigest"] == audit.input_digest({"query": count, "params": {}})
    refusals = sorted(e["detail"] for e in events.values())
    assert [e["outcome"] for e in events.values()] == ["REFUSED", "REFUSED"]
    assert refusals[0] == "BAD_USER_INPUT: refused by the database"
    assert refusals[1].startswith("FORBIDDEN: runCypher only reads: MERGE")


# -- GraphQL and roles -------------------------------------------------------------------------
RUN = """query($q: String!, $p: JSON) {
  runCypher(query: $q, params: $p) { columns rows rowCount truncated maxRows redacted auditEventId }
}"""
NAMED = """query($n: String!, $p: JSON) {
  runAnalyticsQuery(name: $n, params: $p, asOf: "2026-06-30") { columns rowCount truncated }
  analyticsQueries { name params { name type default } returns }
}"""


def bearer(settings: Settings, role: Role) -> str:
    return f"Bearer {issue_token(settings, role, 'analyst-test')}"


def codes(body: dict[str, Any]) -> set[str]:
    return {e["extensions"]["code"] for e in body.get("errors") or ()}


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMIN])
async def test_analysts_and_admins_run_cypher_over_graphql(
    gql: GQL, settings: Settings, world: World, role: Role
) -> None:
    body = await gql(
        RUN, {"q": QUERIES["allowed"]["rows"], "p": {"n": 2}}, authorization=bearer(settings, role)
    )
    assert "errors" not in body, body
    result = body["data"]["runCypher"]
    assert (result["columns"], result["rows"], result["rowCount"]) == (["i"], [[1], [2]], 2)
    assert result["maxRows"] == settings.run_cypher_max_rows
    assert not result["truncated"]
    named = await gql(
        NAMED, {"n": "risk_clusters", "p": {"limit": 5}}, authorization=bearer(settings, role)
    )
    assert "errors" not in named, named
    assert named["data"]["runAnalyticsQuery"]["columns"][0] == "clusterId"
    assert len(named["data"]["analyticsQueries"]) == len(analytics.QUERIES)


@pytest.mark.parametrize("role", [Role.PUBLIC, Role.DASHBOARD, Role.INVESTIGATOR, Role.OFFICER])
async def test_no_other_role_may_run_cypher(
    gql: GQL, settings: Settings, world: World, role: Role
) -> None:
    for document, variables in (
        (RUN, {"q": QUERIES["allowed"]["nodes_whole"]}),
        (NAMED, {"n": "risk_clusters"}),
    ):
        body = await gql(document, variables, authorization=bearer(settings, role))
        assert body["data"] is None, body
        assert codes(body) == {"FORBIDDEN"}, body
    anonymous = await gql(RUN, {"q": QUERIES["allowed"]["count"]}, authorization="")
    assert anonymous["data"] is None
    assert codes(anonymous) == {"UNAUTHENTICATED"}, anonymous


async def test_refusals_reach_graphql_with_their_code(
    gql: GQL, settings: Settings, world: World
) -> None:
    auth = bearer(settings, Role.ANALYST)
    write = await gql(RUN, {"q": QUERIES["writes"]["detach_delete"]}, authorization=auth)
    assert codes(write) == {"FORBIDDEN"}
    (error,) = write["errors"]
    assert error["extensions"]["keyword"] == "DETACH"
    personal = await gql(RUN, {"q": QUERIES["personal"]["backticked"]}, authorization=auth)
    assert personal["errors"][0]["extensions"]["property"] == "address"
    not_an_object = await gql(RUN, {"q": QUERIES["allowed"]["rows"], "p": [1]}, authorization=auth)
    assert codes(not_an_object) == {"BAD_USER_INPUT"}
