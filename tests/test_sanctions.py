"""Sanctions through GraphQL on the `propagation` scenario: designation, flags with `why`, and
the ways out of a list (upheld objection, repair, expiry, revoked basis) with history kept.

The cast is described in tests/test_propagation.py.
"""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import date, timedelta
from typing import Any

import pytest
from starlette.applications import Starlette

from api.settings import Settings
from graph.audit import Actor, events_for
from graph.executor import Executor
from graph.sanctions import lifecycle
from graph.sanctions.state import snapshot
from tests.conftest import GQL
from tests.test_propagation import (
    AC,
    D_DEBT,
    D_LR,
    DEBT,
    LR_CUR,
    LR_FORMER,
    LR_LATER,
    SH,
    A,
    D,
    load_cast,
)

pytestmark = pytest.mark.db

FLAG_FIELDS = """id flagType ruleId legalBasis status endReason validFrom validUntil isSanction
  subject { id name }
  legalBasisText why { rule { id legalBasis } legalBasis summary summaryEn: summary(lang: EN)
        source { kind id type subject { id } }
        paths { role from to text source { id } holder { id } } }"""

DESIGNATE = f"""mutation($i: DesignationInput!) {{
  designateListEntry(input: $i) {{
    entry {{ id listType status validUntil }}
    derivedEntries {{ id listType }}
    flags {{ {FLAG_FIELDS} }}
  }}
}}"""

FLAGS = f"""query($s: ID!, $e: Boolean!, $d: Date) {{
  flags(subjectId: $s, includeEnded: $e, asOf: $d) {{ {FLAG_FIELDS} }}
}}"""

PREVIEW = """query($i: DesignationInput!) {
  previewPropagation(input: $i) { flags { subject { id } flagType ruleId } personRecords
                                  derivedEntries { id listType } }
}"""

OBJECT = """mutation($i: ObjectionInput!) {
  fileObjection(input: $i) { id entryId grounds status markedAt dueAt } }"""

DECIDE = """mutation($i: ObjectionDecisionInput!) {
  decideObjection(input: $i) {
    objection { id status decision reasons }
    removal { entries { id status removalReason } endedFlagIds terminatedApplicationIds }
  }
}"""

REPAIR = """mutation($i: RepairInput!) {
  approveRepair(input: $i) {
    repairId
    removal { entries { id status removalReason } endedFlagIds terminatedApplicationIds
              notifiedAuthorityIds }
  }
}"""

REVOKE = """mutation($i: RevocationInput!) {
  revokeBasis(input: $i) { entries { id status removalReason } endedFlagIds }
}"""


def serious(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "listType": "SERIOUS_DISHONESTY",
        "subjectId": A,
        "authorityId": "PRP-SAMR",
        "decisionNo": "哈市监信〔2024〕1号",
        "decisionDate": "2024-06-01",
        "reason": "恶意拖欠货款，情节严重",
        "legalBasis": "《黑龙江省社会信用条例》第二十九条第（四）项",
        "validUntil": "2034-05-31",
        "removalConditions": "履行义务并完成信用修复",
        "remedies": "可依法申请行政复议或者提起行政诉讼",
        "debtResponsibleIds": [DEBT],
    }
    data.update(overrides)
    return data


@pytest.fixture
async def cast(executor: Executor) -> Executor:
    await load_cast(executor)
    return executor


async def designate(gql: GQL, **overrides: Any) -> dict[str, Any]:
    body = await gql(DESIGNATE, {"i": serious(**overrides)})
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["designateListEntry"]
    return result


async def flags_of(gql: GQL, sid: str, ended: bool = False, as_of: str | None = None) -> Any:
    body = await gql(FLAGS, {"s": sid, "e": ended, "d": as_of})
    assert "errors" not in body, body
    return body["data"]["flags"]


async def test_designation_returns_flags_with_why(gql: GQL, cast: Executor) -> None:
    result = await designate(gql)
    entry = result["entry"]
    assert (entry["listType"], entry["status"]) == ("SERIOUS_DISHONESTY", "ACTIVE")
    extended = {f["subject"]["id"] for f in result["flags"] if f["ruleId"] == "P1"}
    assert extended == {LR_CUR, AC, DEBT}
    lr = next(f for f in await flags_of(gql, LR_CUR))
    assert lr["flagType"] == "PUNISHMENT_EXTENDED"
    assert lr["isSanction"] is True
    assert lr["why"]["rule"] == {"id": "P1", "legalBasis": "002 HLJ Art.33"}
    assert lr["why"]["source"] == {
        "kind": "LIST_ENTRY",
        "id": entry["id"],
        "type": "SERIOUS_DISHONESTY",
        "subject": {"id": A},
    }
    assert lr["why"]["paths"] == [
        {
            "role": "LEGAL_REPRESENTATIVE_OF",
            "from": "2019-03-01",
            "to": "2024-12-31",
            "text": "赵立新 —法定代表人（2019-03-01至2024-12-31）→ 哈尔滨甲食品有限公司",
            "source": {"id": A},
            "holder": {"id": LR_CUR},
        }
    ]
    # The explanation an officer signs: document and article, the decision, the role, the path
    # in the direction of the relation; no rule or entry ids.
    assert lr["why"]["summary"] == (
        "依据《黑龙江省社会信用条例》第三十三条，哈尔滨甲食品有限公司于2024-06-01被列入严重失信"
        "主体名单（决定文号：哈市监信〔2024〕1号）；赵立新作为其法定代表人，被实施“失信惩戒延伸"
        "至责任人”。关系路径：赵立新 —法定代表人（2019-03-01至2024-12-31）→ 哈尔滨甲食品有限公司。"
    )
    assert lr["why"]["summaryEn"] == (
        "Under Heilongjiang Social Credit Regulations, Art. 33: 哈尔滨甲食品有限公司 was put on "
        "the serious dishonesty list on 2024-06-01 (decision 哈市监信〔2024〕1号); "
        "赵立新, its legal representative, is subject to “punishment extended”. "
        "Path: 赵立新 —legal representative (2019-03-01"
        " to 2024-12-31)→ 哈尔滨甲食品有限公司."
    )
    assert lr["legalBasisText"] == "《黑龙江省社会信用条例》第三十三条"
    for other in (LR_FORMER, LR_LATER, SH):
        assert await flags_of(gql, other) == []
    # Before the listing began nothing was in force.
    assert await flags_of(gql, LR_CUR, as_of="2024-05-31") == []


async def test_preview_writes_nothing(gql: GQL, cast: Executor) -> None:
    before = await snapshot(cast)
    body = await gql(PREVIEW, {"i": serious()})
    assert "errors" not in body, body
    preview = body["data"]["previewPropagation"]
    assert {(f["subject"]["id"], f["ruleId"]) for f in preview["flags"]} == {
        (LR_CUR, "P1"),
        (AC, "P1"),
        (DEBT, "P1"),
        (A, "P8"),
    }
    assert preview["personRecords"] == 3
    assert await snapshot(cast) == before


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"validUntil": None}, "BAD_USER_INPUT"),  # Art.28: the period must be stated
        ({"remedies": ""}, "BAD_USER_INPUT"),
        ({"subjectId": "91230100MA1PRA0103"}, "BAD_USER_INPUT"),  # bad check digit
        ({"authorityId": "NO-SUCH"}, "NOT_FOUND"),
        ({"debtResponsibleIds": ["P0000000000000000"]}, "NOT_FOUND"),
        ({"validFrom": "2034-06-01"}, "BAD_USER_INPUT"),  # after validUntil
        ({"decisionDate": "2099-01-01", "validUntil": "2109-01-01"}, "BAD_USER_INPUT"),
    ],
)
async def test_bad_designations_are_refused_and_write_nothing(
    gql: GQL, cast: Executor, overrides: dict[str, Any], code: str
) -> None:
    before = await snapshot(cast)
    body = await gql(DESIGNATE, {"i": serious(**overrides)})
    assert body["errors"][0]["extensions"]["code"] == code, body
    assert await snapshot(cast) == before


async def test_designating_the_same_decision_twice_conflicts(gql: GQL, cast: Executor) -> None:
    await designate(gql)
    body = await gql(DESIGNATE, {"i": serious()})
    assert body["errors"][0]["extensions"]["code"] == "CONFLICT"


async def test_upheld_objection_ends_entry_and_flags_history_stays(
    gql: GQL, cast: Executor
) -> None:
    entry = (await designate(gql))["entry"]["id"]
    filed = await gql(
        OBJECT, {"i": {"entryId": entry, "grounds": "ERROR", "statement": "认定错误"}}
    )
    objection = filed["data"]["fileObjection"]
    assert objection["status"] == "PENDING"
    # Marked, but still counting while the objection is open.
    assert len(await flags_of(gql, LR_CUR)) == 1
    body = await gql(DECIDE, {"i": {"objectionId": objection["id"], "decision": "UPHELD"}})
    decided = body["data"]["decideObjection"]
    assert decided["objection"]["decision"] == "UPHELD"
    assert decided["removal"]["entries"] == [
        {"id": entry, "status": "REMOVED", "removalReason": "OBJECTION_UPHELD"}
    ]
    assert len(decided["removal"]["endedFlagIds"]) == 4
    for person in (LR_CUR, AC, DEBT):
        assert await flags_of(gql, person) == []
        history = await flags_of(gql, person, ended=True)
        assert [(f["status"], f["endReason"]) for f in history] == [("ENDED", "OBJECTION_UPHELD")]
        # Asked about a day while it was in force, the flag was active.
        assert [f["status"] for f in await flags_of(gql, person, as_of="2025-01-01")] == ["ACTIVE"]


async def test_rejected_objection_needs_reasons_and_restores(gql: GQL, cast: Executor) -> None:
    entry = (await designate(gql))["entry"]["id"]
    filed = await gql(OBJECT, {"i": {"entryId": entry, "grounds": "ERROR", "statement": "异议"}})
    oid = filed["data"]["fileObjection"]["id"]
    body = await gql(DECIDE, {"i": {"objectionId": oid, "decision": "REJECTED"}})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    body = await gql(
        DECIDE, {"i": {"objectionId": oid, "decision": "REJECTED", "reasons": "事实清楚"}}
    )
    assert body["data"]["decideObjection"]["removal"]["endedFlagIds"] == []
    rows = await lifecycle.entries(cast, [entry])
    assert rows[0]["status"] == "ACTIVE"
    assert len(await flags_of(gql, LR_CUR)) == 1
    again = await gql(DECIDE, {"i": {"objectionId": oid, "decision": "UPHELD"}})
    assert again["errors"][0]["extensions"]["code"] == "CONFLICT"


ENTRIES = """query($s: ID!, $st: [ListStatus!]) {
  listEntries(subjectId: $s, first: 10, status: $st) { edges { node { id status } } } }"""
ACTIVE_COUNTS = """query($d: Date) {
  stats(to: $d) { activeListEntries { listType authorityId count } } }"""


async def test_an_entry_under_objection_stays_in_force_for_every_reader(
    gql: GQL, cast: Executor
) -> None:
    """DOMAIN.md §3.5, §6.2: an objection only marks the entry (HLJ Art.39); it leaves the list
    when the objection is upheld (Art.35). Propagation, readers, filters and counts agree."""
    entry = (await designate(gql))["entry"]["id"]
    lapsed = (await designate(gql, decisionNo="哈市监信〔2024〕2号", validUntil="2025-12-31"))[
        "entry"
    ]["id"]
    for eid in (entry, lapsed):
        body = await gql(OBJECT, {"i": {"entryId": eid, "grounds": "ERROR", "statement": "异议"}})
        assert "errors" not in body, body

    async def read(*statuses: str) -> set[tuple[str, str]]:
        body = await gql(ENTRIES, {"s": A, "st": list(statuses) or None})
        return {
            (e["node"]["id"], e["node"]["status"]) for e in body["data"]["listEntries"]["edges"]
        }

    assert await read() == {(entry, "OBJECTION_PENDING"), (lapsed, "EXPIRED")}
    assert await read("ACTIVE") == {(entry, "OBJECTION_PENDING")}
    assert await read("OBJECTION_PENDING") == {(entry, "OBJECTION_PENDING")}
    assert await read("EXPIRED") == {(lapsed, "EXPIRED")}
    counts = (await gql(ACTIVE_COUNTS, {"d": date.today().isoformat()}))["data"]["stats"]
    assert [c for c in counts["activeListEntries"] if c["authorityId"] == "PRP-SAMR"] == [
        {"listType": "SERIOUS_DISHONESTY", "authorityId": "PRP-SAMR", "count": 1}
    ]
    assert len(await flags_of(gql, LR_CUR)) == 1  # the flags of the entry still hold


async def test_repair_ends_entry_flags_and_person_records(gql: GQL, cast: Executor) -> None:
    entry = (await designate(gql))["entry"]["id"]
    body = await gql(REPAIR, {"i": {"entryId": entry, "methods": ["RECTIFICATION", "TRAINING"]}})
    assert "errors" not in body, body
    removal = body["data"]["approveRepair"]["removal"]
    assert removal["entries"] == [{"id": entry, "status": "REMOVED", "removalReason": "REPAIRED"}]
    assert len(removal["endedFlagIds"]) == 4
    history = await flags_of(gql, DEBT, ended=True)
    assert [(f["status"], f["endReason"]) for f in history] == [("ENDED", "REPAIRED")]
    state = {key: dict(props) for kind, key, props in await snapshot(cast) if kind == "node"}
    person_records = [p for p in state.values() if p.get("recordType") == "PERSON_DISHONESTY"]
    assert len(person_records) == 3
    assert {(p["status"], p["publicationStopped"]) for p in person_records} == {("REPAIRED", True)}
    assert state[entry]["publicationStopped"] is True
    again = await gql(REPAIR, {"i": {"entryId": entry, "methods": ["TRAINING"]}})
    assert again["errors"][0]["extensions"]["code"] == "CONFLICT"


async def test_expiry_read_paths_and_expire_agree(gql: GQL, cast: Executor) -> None:
    last_day = date.today() - timedelta(days=1)
    entry = (await designate(gql, validUntil=last_day.isoformat()))["entry"]
    assert entry["status"] == "EXPIRED"  # read as expired before the job ran
    assert await flags_of(gql, LR_CUR) == []
    (history,) = await flags_of(gql, LR_CUR, ended=True)
    assert (history["status"], history["endReason"]) == ("ENDED", "EXPIRED")
    done = await lifecycle.expire(cast, Actor("cli"), as_of=date.today())
    assert (done.entries, done.flags) == (1, 4)
    assert await flags_of(gql, LR_CUR) == []
    (history,) = await flags_of(gql, LR_CUR, ended=True)
    assert (history["status"], history["endReason"]) == ("ENDED", "EXPIRED")
    assert (await lifecycle.entries(cast, [entry["id"]]))[0]["removalReason"] == "EXPIRED"
    again = await lifecycle.expire(cast, Actor("cli"), as_of=date.today())
    assert (again.entries, again.flags) == (0, 0)


async def test_revoked_basis_of_a_court_entry_ends_the_derived_listing(
    gql: GQL, cast: Executor
) -> None:
    from graph.propagation import engine

    await cast.unit(lambda tx: engine.propagate_entries(tx, ["PRP-JD-01"], on=date.today()))
    assert {f["why"]["source"]["subject"]["id"] for f in await flags_of(gql, D_LR)} == {D}
    body = await gql(REVOKE, {"i": {"entryId": "PRP-JD-01", "reason": "执行依据被撤销"}})
    revoked = body["data"]["revokeBasis"]
    assert sorted((e["id"], e["removalReason"]) for e in revoked["entries"]) == [
        ("PRP-JD-01", "BASIS_REVOKED"),
        ("PRP-JD-01-P2", "BASIS_REVOKED"),
    ]
    for person in (D_LR, D_DEBT):
        assert await flags_of(gql, person) == []


async def test_every_mutation_is_audited(gql: GQL, cast: Executor) -> None:
    entry = (await designate(gql))["entry"]["id"]
    await gql(REPAIR, {"i": {"entryId": entry, "methods": ["CHARITY"]}})
    events = await events_for(cast, [entry])
    assert [e["operation"] for e in events] == ["approveRepair", "designateListEntry"]
    assert {(e["actor"], e["role"], e["outcome"]) for e in events} == {
        ("tester", "officer", "OK")  # the officer token the test client sends
    }


async def test_expire_command_ends_what_the_read_paths_already_ignore(
    gql: GQL, cast: Executor, settings: Settings
) -> None:
    entry = (await designate(gql, validUntil="2025-12-31"))["entry"]["id"]
    assert [f["status"] for f in await flags_of(gql, LR_CUR, as_of="2025-12-31")] == ["ACTIVE"]
    assert await flags_of(gql, LR_CUR, as_of="2026-01-01") == []
    password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
    env = {
        **os.environ,
        "NEO4J_URI": settings.neo4j_uri or "",
        "NEO4J_USERNAME": settings.neo4j_username,
        "NEO4J_PASSWORD": password,
        "NEO4J_DATABASE": settings.neo4j_database,
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "api.cli",
        "expire",
        "--as-of",
        "2026-01-01",
        "--quiet",
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()
    assert out.decode().startswith("expired 1 list entries as of 2026-01-01: 4 flags ended")
    (row,) = await lifecycle.entries(cast, [entry])
    assert (row["status"], row["removalReason"]) == ("REMOVED", "EXPIRED")
    assert [f["status"] for f in await flags_of(gql, LR_CUR, as_of="2025-12-31")] == ["ACTIVE"]
    assert await flags_of(gql, LR_CUR, as_of="2026-01-01") == []


async def test_subject_flags_are_batched_per_request(
    gql: GQL, cast: Executor, app: Starlette
) -> None:
    await designate(gql)
    query = """query($a: ID!, $b: ID!, $c: ID!) {
      a: subject(id: $a) { flags { ruleId why { paths { role } } } }
      b: subject(id: $b) { flags { ruleId } }
      c: subject(id: $c) { flags(includeEnded: true) { ruleId } }
    }"""
    stats = app.state.executor.stats
    before = stats.round_trips
    body = await gql(query, {"a": LR_CUR, "b": AC, "c": SH})
    trips = stats.round_trips - before
    assert "errors" not in body, body
    assert body["data"]["a"]["flags"] == [
        {"ruleId": "P1", "why": {"paths": [{"role": "LEGAL_REPRESENTATIVE_OF"}]}}
    ]
    assert body["data"]["b"]["flags"] == [{"ruleId": "P1"}]
    assert body["data"]["c"]["flags"] == []
    # Subjects load in one batch; flags in one per distinct (includeEnded, asOf): 1 + 2.
    assert trips == 3
