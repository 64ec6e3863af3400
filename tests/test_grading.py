"""Hebei A/B/C/D grading (P9, P15) and the points scheme: rules first, then on the database."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from graph.risk.grading import classify, record_class, score, window_start
from graph.risk.schemes import SCHEMES, load_schemes

AS_OF = date(2024, 6, 30)


def penalty(n: int, day: date = date(2024, 3, 1), **extra: Any) -> dict[str, Any]:
    return {
        "recordId": f"R{n}",
        "recordType": "ADMIN_PENALTY",
        "decisionDate": day,
        "procedure": "GENERAL",
        "penaltyKind": "FINE",
        "status": "PUBLISHED",
        **extra,
    }


def entry(list_type: str = "SERIOUS_DISHONESTY", **extra: Any) -> dict[str, Any]:
    return {
        "entryId": "E1",
        "listType": list_type,
        "status": "ACTIVE",
        "validFrom": date(2024, 1, 1),
        "validUntil": None,
        "decisionDate": date(2024, 1, 1),
        **extra,
    }


def grade_of(records: list[dict[str, Any]], entries: list[dict[str, Any]] = (), **kw: Any) -> str:  # type: ignore[assignment]
    return classify("S", records, list(entries), AS_OF, **kw).grade


def test_no_record_is_a() -> None:
    result = classify("S", [], [], AS_OF)
    assert (result.grade, result.deciding, result.treatment.spot_checks) == ("A", (), "LOWER")


def test_five_general_records_are_b_and_six_are_c() -> None:
    five = [penalty(i) for i in range(5)]
    result = classify("S", five, [], AS_OF)
    assert result.grade == "B"
    assert {c.id for c in result.deciding} == {f"R{i}" for i in range(5)}
    six = classify("S", [*five, penalty(5)], [], AS_OF)
    assert (six.grade, six.general_count, len(six.deciding)) == ("C", 6, 6)
    assert six.treatment.spot_checks == "RAISED"


@pytest.mark.parametrize(
    "kind",
    [
        "LICENCE_SUSPENSION",
        "QUALIFICATION_DOWNGRADE",
        "LICENCE_REVOCATION",
        "BUSINESS_RESTRICTION",
        "PRODUCTION_SUSPENSION",
        "ORDER_TO_CLOSE",
        "PRACTICE_BAN",
    ],
)
def test_one_serious_penalty_kind_is_c(kind: str) -> None:
    result = classify("S", [penalty(1, penaltyKind=kind)], [], AS_OF)
    assert (result.grade, [c.penalty_kind for c in result.deciding]) == ("C", [kind])


def test_business_licence_revoked_is_d_by_penalty_or_by_status() -> None:
    assert grade_of([penalty(1, penaltyKind="BUSINESS_LICENCE_REVOCATION")]) == "D"
    by_status = classify("S", [], [], AS_OF, status="BUSINESS_LICENCE_REVOKED")
    assert (by_status.grade, by_status.deciding[0].kind) == ("D", "STATUS")
    assert by_status.treatment.spot_checks == "STRICT"


def test_an_active_serious_list_entry_is_c_and_a_removed_one_is_not() -> None:
    assert grade_of([], [entry()]) == "C"
    assert grade_of([], [entry("JUDGMENT_DEFAULTER")]) == "C"
    assert grade_of([], [entry(status="REMOVED")]) == "A"
    assert grade_of([], [entry(validUntil=date(2024, 6, 29))]) == "A"
    assert grade_of([], [entry(validFrom=date(2024, 7, 1))]) == "A"
    assert grade_of([], [entry("KEY_ATTENTION")]) == "A"  # not a serious list


def test_business_anomaly_listing_counts_as_one_general_record() -> None:
    assert grade_of([], [entry("BUSINESS_ANOMALY")]) == "B"


def test_records_older_than_the_window_are_ignored() -> None:
    start = window_start(AS_OF)
    assert start == date(2023, 6, 30)
    old = [penalty(i, day=start) for i in range(6)]  # the window is (start, as_of]
    assert grade_of(old) == "A"
    assert grade_of([penalty(1, day=start + timedelta(days=1))]) == "B"
    assert grade_of([penalty(1, day=AS_OF + timedelta(days=1))]) == "A"  # after the window
    assert grade_of([penalty(1, day=AS_OF)]) == "B"  # the end date is included


def test_simple_procedure_penalties_are_ignored() -> None:  # P15
    simple = [penalty(i, procedure="SIMPLE") for i in range(10)]
    assert grade_of(simple) == "A"
    assert grade_of([penalty(1, procedure="SIMPLE", penaltyKind="PRACTICE_BAN")]) == "A"


def test_record_statuses_and_natures() -> None:
    assert record_class(penalty(1, status="REPAIRED")) is None
    assert record_class(penalty(1, status="REVOKED")) is None
    assert record_class(penalty(1, status="OBJECTION_MARKED")) == "GENERAL"
    assert record_class({"recordType": "ADMIN_LICENSE", "status": "PUBLISHED"}) is None
    assert record_class({"recordType": "HONOR", "status": "PUBLISHED"}) == "POSITIVE"
    assert record_class({"recordType": "ARREARS", "status": "PUBLISHED"}) == "GENERAL"
    assert record_class({"recordType": "PERSON_DISHONESTY", "status": "PUBLISHED"}) == "SERIOUS"
    # Positive information never lowers or raises a Hebei grade.
    assert grade_of([{**penalty(1), "recordType": "HONOR", "penaltyKind": None}]) == "A"


def test_leap_day_window() -> None:
    assert window_start(date(2024, 2, 29)) == date(2023, 2, 28)


def test_points_scheme_bands_and_caps() -> None:
    points = SCHEMES.points
    assert [b.min for b in points.bands] == [850, 800, 750, 700, None]
    assert score("S", [], [], AS_OF).score == 1000
    assert score("S", [], [], AS_OF).band == "EXCELLENT"
    six = [penalty(i) for i in range(6)]  # 6 × GENERAL delta
    result = score("S", six, [], AS_OF)
    assert result.score == 1000 + 6 * points.deltas["GENERAL"]
    assert result.band == points.band(result.score)
    assert len(result.contributions) == 6
    many = [penalty(i, penaltyKind="BUSINESS_LICENCE_REVOCATION") for i in range(10)]
    assert score("S", many, [], AS_OF).score == 1000 - points.constraint_cap  # capped
    assert points.band(849) == "GOOD"
    assert points.band(700) == "POOR"
    assert points.band(699) == "BAD"


def test_the_schemes_file_is_checked_against_the_model(tmp_path: Any) -> None:
    from graph.risk.schemes import SCHEMES_FILE

    bad = SCHEMES_FILE.read_text(encoding="utf-8").replace(
        "general_list_types: [BUSINESS_ANOMALY]", "general_list_types: [NO_SUCH_LIST]"
    )
    path = tmp_path / "schemes.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(ValueError, match="NO_SUCH_LIST"):
        load_schemes(path)


# -- tier 2: the `grading_hebei` scenario, graded on 2026-06-30 ---------------------------------
# Window (2025-06-30, 2026-06-30]. Region 110106 / industry C13: GA (nothing: A), GB5 (5 fines: B),
# GC6 (6 fines: C), GOLD (6 fines before the window + 1 inside: B), GMIX (arrears, judicial,
# contract breach, an honour and a licence: B), GREP (6 repaired fines: A). Region 110107 /
# industry F51: GCS (licence suspension: C), GD (status BUSINESS_LICENCE_REVOKED: D), GDP
# (business-licence revocation penalty: D), GSIMPLE (8 simple-procedure warnings: A), GLIST
# (SERIOUS_DISHONESTY entry in force: C).
DAY = date(2026, 6, 30)
G = {
    "GA": "91110106MARK0G0010",
    "GB5": "91110106MARK0G0023",
    "GC6": "91110106MARK0G0036",
    "GCS": "91110107MARK0G004P",
    "GD": "91110107MARK0G005T",
    "GDP": "91110107MARK0G006X",
    "GOLD": "91110106MARK0G007J",
    "GSIMPLE": "91110107MARK0G0084",
    "GLIST": "91110107MARK0G0097",
    "GMIX": "91110106MARK0G00AU",
    "GREP": "91110106MARK0G00BY",
}
EXPECTED = {
    "GA": "A",
    "GB5": "B",
    "GC6": "C",
    "GCS": "C",
    "GD": "D",
    "GDP": "D",
    "GOLD": "B",
    "GSIMPLE": "A",
    "GLIST": "C",
    "GMIX": "B",
    "GREP": "A",
}
GRADE = """query($id: ID!, $asOf: Date) {
  creditGrade(subjectId: $id, asOf: $asOf) {
    grade reason periodStart periodEnd generalCount seriousCount
    decidingItems { kind id type itemClass date penaltyKind }
    treatment { tier spotChecks spotCheckShare source }
  }
}"""
DISTRIBUTION = """query($g: GradeGroupBy!, $asOf: Date) {
  gradeDistribution(groupBy: $g, asOf: $asOf) { groupBy periodEnd groups { key a b c d total } }
}"""


@pytest.fixture(scope="module")
async def hebei(executor: Any) -> Any:
    from seeds.scenarios import load_scenario
    from tests.conftest import DELETE_ALL

    await executor.write(DELETE_ALL)
    await load_scenario(executor, "grading_hebei", b"test-hash-key")
    return executor


@pytest.mark.db
async def test_every_boundary_on_the_database(hebei: Any) -> None:
    from graph.risk.grading import grades

    found = await grades(hebei, list(G.values()), DAY)
    assert {k: found[sid].grade for k, sid in G.items()} == EXPECTED
    assert [c.id for c in found[G["GOLD"]].deciding] == ["GR-OLD-NEW"]
    assert found[G["GSIMPLE"]].deciding == ()


@pytest.mark.db
async def test_grade_over_graphql_names_the_deciding_records(gql: Any, hebei: Any) -> None:
    body = await gql(GRADE, {"id": G["GCS"], "asOf": "2026-06-30"})
    assert "errors" not in body, body
    grade = body["data"]["creditGrade"]
    assert grade["grade"] == "C"
    assert (grade["periodStart"], grade["periodEnd"]) == ("2025-06-30", "2026-06-30")
    assert grade["decidingItems"] == [
        {
            "kind": "RECORD",
            "id": "GR-CS-1",
            "type": "ADMIN_PENALTY",
            "itemClass": "SERIOUS",
            "date": "2026-04-01",
            "penaltyKind": "LICENCE_SUSPENSION",
        }
    ]
    assert grade["treatment"] == {
        "tier": "HIGH_RISK",
        "spotChecks": "RAISED",
        "spotCheckShare": None,
        "source": "002 HEB §4(3), §6(2); 004 item 6",
    }
    six = (await gql(GRADE, {"id": G["GC6"], "asOf": "2026-06-30"}))["data"]["creditGrade"]
    assert (six["grade"], six["generalCount"], len(six["decidingItems"])) == ("C", 6, 6)
    # A year later every fine has left the window.
    later = (await gql(GRADE, {"id": G["GC6"], "asOf": "2027-07-01"}))["data"]["creditGrade"]
    assert later["grade"] == "A"


@pytest.mark.db
async def test_batch_grades_and_the_distribution_by_region_and_industry(
    gql: Any, hebei: Any
) -> None:
    from graph.risk.grading import recompute_all_grades

    counts = await recompute_all_grades(hebei, DAY, progress=False)
    assert counts == {"A": 3, "B": 3, "C": 3, "D": 2}
    assert await recompute_all_grades(hebei, DAY, progress=False) == counts  # replaces, no copies
    region = (await gql(DISTRIBUTION, {"g": "REGION", "asOf": "2026-06-30"}))["data"]
    assert region["gradeDistribution"] == {
        "groupBy": "REGION",
        "periodEnd": "2026-06-30",
        "groups": [
            {"key": "110106", "a": 2, "b": 3, "c": 1, "d": 0, "total": 6},
            {"key": "110107", "a": 1, "b": 0, "c": 2, "d": 2, "total": 5},
        ],
    }
    industry = (await gql(DISTRIBUTION, {"g": "INDUSTRY"}))["data"]["gradeDistribution"]
    assert industry["periodEnd"] == "2026-06-30"  # the latest stored evaluation
    assert [(g["key"], g["total"]) for g in industry["groups"]] == [("C13", 6), ("F51", 5)]
    nothing = (await gql(DISTRIBUTION, {"g": "REGION", "asOf": "2020-01-01"}))["data"]
    assert nothing["gradeDistribution"]["groups"] == []


@pytest.mark.db
async def test_the_analyst_files_agree_with_the_service(hebei: Any) -> None:
    from graph.risk.analytics import run_query
    from graph.risk.grading import recompute_all_grades

    rows = await run_query(hebei, "hebei_grades", {}, DAY)
    assert {r["sid"]: r["grade"] for r in rows} == {sid: EXPECTED[k] for k, sid in G.items()}
    await recompute_all_grades(hebei, DAY, progress=False)
    dist = await run_query(hebei, "grade_distribution", {"groupBy": "INDUSTRY"}, DAY)
    assert dist == [
        {"key": "C13", "A": 2, "B": 3, "C": 1, "D": 0, "total": 6},
        {"key": "F51", "A": 1, "B": 0, "C": 2, "D": 2, "total": 5},
    ]


@pytest.mark.db
async def test_points_score_over_graphql(gql: Any, hebei: Any) -> None:
    query = """query($id: ID!) { creditScore(subjectId: $id, asOf: "2026-06-30") {
      score band base contributions { points item { id } } } }"""
    body = await gql(query, {"id": G["GC6"]})
    score = body["data"]["creditScore"]
    general = SCHEMES.points.deltas["GENERAL"]
    assert score["score"] == 1000 + 6 * general
    assert score["band"] == SCHEMES.points.band(1000 + 6 * general)
    assert {c["points"] for c in score["contributions"]} == {general}
