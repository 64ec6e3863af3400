"""The synthetic city generator (tier 1, no database): deterministic, valid, and counted exactly.

One small city (scale 300) is generated once per module; the tests read its files back and
recompute from the rows what the manifest claims, so a manifest that drifts from the files fails
here before it fails an import.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from stdnum.cn import ric, uscc

from graph.model import MODEL
from seeds import codes
from seeds.generator import DEFAULT_AS_OF, GenerationResult, generate
from seeds.measures import MEASURES
from seeds.names import BIRTH_ERAS, FIRST_SEQUENCE
from seeds.output import FILES, MANIFEST, Manifest, encode_line
from seeds.scenarios import SCENARIO_DIR

SCALE = 300
AS_OF = DEFAULT_AS_OF.isoformat()

# The import format's fields per kind (docs/import-format.md), plus `kind`.
FIELDS = {
    "organization": {"uscc", "name", "orgKind", "region", "industry", "isSOE", "status",
                     "registeredAt"},
    "person": {"idNumber", "idType", "name"},
    "authority": {"authorityId", "name", "level", "domain", "region", "parentId",
                  "participatesIn"},
    "role": {"role", "holderIdNumber", "holderUscc", "uscc", "from", "to", "ratio", "position"},
    "record": {"recordId", "recordType", "subjectUscc", "subjectIdNumber", "authorityId",
               "decisionNo", "decisionDate", "publishedAt", "publicationEnd", "legalBasis",
               "domain", "severity", "procedure", "penaltyKind", "arrearsKind", "amount", "status",
               "title"},
    "listEntry": {"entryId", "listType", "subjectUscc", "subjectIdNumber", "authorityId",
                  "decisionNo", "decisionDate", "reason", "legalBasis", "validFrom", "validUntil",
                  "removalConditions", "remedies", "status", "debtResponsibleIdNumbers"},
    "measure": {"code", "name", "measureKind", "category", "listSource", "legalBasis",
                "defaultDurationDays", "published"},
}  # fmt: skip


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> GenerationResult:
    return generate(tmp_path_factory.mktemp("city"), scale=SCALE)


@pytest.fixture(scope="module")
def rows(city: GenerationResult) -> dict[str, list[dict[str, Any]]]:
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for kind, name in FILES.items():
        lines = (city.files[0].parent / name).read_text(encoding="utf-8").splitlines()
        by_kind[kind] = [json.loads(line) for line in lines]
        assert all(r["kind"] == kind for r in by_kind[kind]), name
    return by_kind


def person_ids(rows: dict[str, list[dict[str, Any]]]) -> Iterator[str]:
    yield from (r["idNumber"] for r in rows["person"])
    for kind in ("role", "record", "listEntry"):
        for r in rows[kind]:
            yield from (r[k] for k in ("holderIdNumber", "subjectIdNumber") if k in r)
            yield from r.get("debtResponsibleIdNumbers", [])


# -- determinism ---------------------------------------------------------------------------
def test_same_seed_gives_identical_files(city: GenerationResult, tmp_path: Path) -> None:
    generate(tmp_path / "again", scale=SCALE)
    for name in [*FILES.values(), MANIFEST]:
        first = (city.files[0].parent / name).read_bytes()
        assert first == (tmp_path / "again" / name).read_bytes(), name


def test_another_seed_gives_another_city(city: GenerationResult, tmp_path: Path) -> None:
    other = generate(tmp_path / "other", scale=SCALE, seed=7)
    assert other.files[2].read_bytes() != city.files[2].read_bytes()


def test_scale_is_bounded(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="scale"):
        generate(tmp_path, scale=0)


# -- validity ------------------------------------------------------------------------------
def test_rows_use_only_import_format_fields_and_model_values(
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    for kind, kind_rows in rows.items():
        for r in kind_rows:
            assert set(r) - {"kind"} <= FIELDS[kind], r
    assert {r["orgKind"] for r in rows["organization"]} == set(MODEL.organization_kinds)
    assert {r["status"] for r in rows["organization"]} == set(MODEL.organization_statuses)
    assert {r["level"] for r in rows["authority"]} == set(MODEL.authority_levels)
    assert {r["role"] for r in rows["role"]} == set(MODEL.roles)
    assert {r["position"] for r in rows["role"] if "position" in r} <= set(
        MODEL.employment_positions
    )
    assert {r["recordType"] for r in rows["record"]} <= set(MODEL.record_types)
    assert {r["penaltyKind"] for r in rows["record"] if "penaltyKind" in r} == set(
        MODEL.penalty_kinds
    )
    assert {r["arrearsKind"] for r in rows["record"] if "arrearsKind" in r} <= set(
        MODEL.arrears_kinds
    )
    assert {r.get("status", "PUBLISHED") for r in rows["record"]} <= set(MODEL.record_statuses)
    # Huizhou's negative list (P6) is not kept in a Hebei city: the `huizhou` scenario has it.
    assert {r["listType"] for r in rows["listEntry"]} == set(MODEL.list_types) - {"NEGATIVE_LIST"}
    assert {r["status"] for r in rows["listEntry"]} <= set(MODEL.list_statuses)
    assert {r["measureKind"] for r in rows["measure"]} == set(MODEL.measure_kinds)
    assert {r["category"] for r in rows["measure"]} <= set(MODEL.measure_categories)


def test_every_uscc_and_citizen_id_is_valid(rows: dict[str, list[dict[str, Any]]]) -> None:
    usccs = {r["uscc"] for r in rows["organization"]}
    assert len(usccs) == len(rows["organization"])
    assert all(uscc.is_valid(u) for u in usccs)
    numbers = {r["idNumber"] for r in rows["person"]}
    assert len(numbers) == len(rows["person"])
    assert all(ric.is_valid(n) for n in numbers)
    # Generated persons never use the sequence numbers reserved for scenario files.
    assert all(int(n[14:17]) >= FIRST_SEQUENCE for n in numbers)
    assert all(u[2:4] == "13" for u in usccs)  # Shijiazhuang only: scenarios use other regions


def test_references_point_at_rows_in_the_files(rows: dict[str, list[dict[str, Any]]]) -> None:
    usccs = {r["uscc"] for r in rows["organization"]}
    numbers = {r["idNumber"] for r in rows["person"]}
    authorities = {r["authorityId"] for r in rows["authority"]}
    assert set(person_ids(rows)) <= numbers
    for r in rows["role"]:
        assert r["uscc"] in usccs
        assert ("holderUscc" in r) != ("holderIdNumber" in r), r
        assert r.get("holderUscc", next(iter(usccs))) in usccs
    for kind in ("record", "listEntry"):
        for r in rows[kind]:
            assert r["authorityId"] in authorities
            assert ("subjectUscc" in r) != ("subjectIdNumber" in r), r
            assert r.get("subjectUscc", next(iter(usccs))) in usccs
    assert {r["parentId"] for r in rows["authority"] if "parentId" in r} <= authorities


def test_keys_are_unique(rows: dict[str, list[dict[str, Any]]]) -> None:
    for kind, key in [("authority", "authorityId"), ("record", "recordId"),
                      ("listEntry", "entryId"), ("measure", "code")]:  # fmt: skip
        values = [r[key] for r in rows[kind]]
        assert len(values) == len(set(values)), kind
    role_keys = [
        (r.get("holderIdNumber") or r["holderUscc"], r["role"], r["uscc"], r["from"])
        for r in rows["role"]
    ]
    assert len(role_keys) == len(set(role_keys))


def test_dates_are_ordered_and_not_after_the_reference_date(
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    for r in rows["role"]:
        assert r["from"] <= AS_OF
        assert r.get("to", r["from"]) >= r["from"]
        assert r.get("to", AS_OF) <= AS_OF
    for r in rows["record"] + rows["listEntry"]:
        assert r["decisionDate"] <= AS_OF
    for r in rows["organization"]:
        assert r["registeredAt"] <= AS_OF


# -- the manifest --------------------------------------------------------------------------
def test_manifest_equals_counts_recomputed_from_the_rows(
    city: GenerationResult, rows: dict[str, list[dict[str, Any]]]
) -> None:
    manifest = Manifest.load(city.files[0].parent / MANIFEST)
    assert manifest.rows == Counter({k: len(v) for k, v in rows.items()})
    nodes: Counter[str] = Counter()
    for r in rows["organization"]:
        nodes.update(["Subject", "Organization", MODEL.org_label(r["orgKind"])])
    nodes.update(["Subject", "Person"] * len(rows["person"]))
    nodes["Authority"] = len(rows["authority"])
    nodes["Measure"] = len(rows["measure"])
    nodes["ListEntry"] = len(rows["listEntry"])
    for r in rows["record"]:
        nodes.update(["CreditRecord", MODEL.record_label(r["recordType"])])
    rels = Counter(r["role"] for r in rows["role"])
    rels["HAS_RECORD"] = len(rows["record"])
    rels["LISTED_AS"] = len(rows["listEntry"])
    rels["ISSUED_BY"] = sum(1 for r in rows["record"] + rows["listEntry"] if r.get("authorityId"))
    rels["PARENT_AUTHORITY"] = sum(1 for r in rows["authority"] if r.get("parentId"))
    rels["DEBT_RESPONSIBLE_FOR"] = sum(
        len(set(r.get("debtResponsibleIdNumbers", []))) for r in rows["listEntry"]
    )
    assert manifest.nodes == nodes
    assert manifest.relationships == +rels
    assert manifest.total_nodes == len(rows["organization"]) + len(rows["person"]) + sum(
        len(rows[k]) for k in ("authority", "measure", "listEntry", "record")
    )


# -- the shape of the city -----------------------------------------------------------------
def holdings(rows: dict[str, list[dict[str, Any]]]) -> dict[str, set[str]]:
    """Organisation → organisations it holds shares in."""
    held: dict[str, set[str]] = defaultdict(set)
    for r in rows["role"]:
        if r["role"] == "SHAREHOLDER_OF" and "holderUscc" in r:
            held[r["holderUscc"]].add(r["uscc"])
    return held


def test_ratios_sum_to_at_most_one_per_company(rows: dict[str, list[dict[str, Any]]]) -> None:
    total: Counter[str] = Counter()
    for r in rows["role"]:
        if r["role"] == "SHAREHOLDER_OF":
            assert 0 < r["ratio"] <= 1
            total[r["uscc"]] += round(r["ratio"] * 10000)
        else:
            assert "ratio" not in r
    assert max(total.values()) <= 10000


def test_equity_chains_reach_five_levels(rows: dict[str, list[dict[str, Any]]]) -> None:
    held = holdings(rows)

    def longest(org: str, seen: frozenset[str]) -> int:
        return max((1 + longest(c, seen | {c}) for c in held[org] if c not in seen), default=0)

    depths = Counter(longest(org, frozenset({org})) for org in list(held))
    assert depths[5] + sum(n for d, n in depths.items() if d > 5) >= 1
    assert {1, 2, 3, 4} <= set(depths)


def test_ownership_has_cross_holdings_and_a_longer_cycle(
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    held = holdings(rows)
    mutual = {(a, b) for a, bs in held.items() for b in bs if a in held.get(b, set())}
    assert len(mutual) >= 4  # two pairs, each seen from both sides
    triangles = [
        (a, b, c)
        for a, bs in held.items()
        for b in bs
        for c in held.get(b, set())
        if a in held.get(c, set()) and len({a, b, c}) == 3
    ]
    assert triangles


def test_people_hold_roles_in_several_companies_and_roles_end(
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    companies: dict[str, set[str]] = defaultdict(set)
    for r in rows["role"]:
        if "holderIdNumber" in r:
            companies[r["holderIdNumber"]].add(r["uscc"])
    assert sum(1 for orgs in companies.values() if len(orgs) >= 3) >= 5
    ended = Counter(r["role"] for r in rows["role"] if "to" in r)
    assert ended["LEGAL_REPRESENTATIVE_OF"] > 0
    assert ended["DIRECTOR_OF"] + ended["SENIOR_MANAGER_OF"] > 0
    positions = {r.get("position") for r in rows["role"] if r["role"] == "EMPLOYED_BY"}
    assert {"ACCOUNTANT", "CHIEF_ACCOUNTANT", "PUBLIC_STAFF"} <= positions


def test_branches_have_a_principal_and_no_legal_representative(
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    branches = {r["holderUscc"] for r in rows["role"] if r["role"] == "BRANCH_OF"}
    assert branches
    led = {r["uscc"] for r in rows["role"] if r["role"] == "LEGAL_REPRESENTATIVE_OF"}
    run = {r["uscc"] for r in rows["role"] if r["role"] == "PRINCIPAL_OF"}
    assert branches <= run
    assert not branches & led


def test_every_kind_of_subject_and_an_soe_share(rows: dict[str, list[dict[str, Any]]]) -> None:
    kinds = Counter(r["orgKind"] for r in rows["organization"])
    assert kinds["ENTERPRISE"] == SCALE
    assert all(kinds[k] >= 2 for k in MODEL.organization_kinds)
    soe = sum(1 for r in rows["organization"] if r["isSOE"])
    assert 0 < soe < SCALE // 4


def test_penalties_cover_simple_procedure_hebei_kinds_and_revocations(
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    penalties = [r for r in rows["record"] if r["recordType"] == "ADMIN_PENALTY"]
    assert sum(1 for r in penalties if r["procedure"] == "SIMPLE") >= 3
    serious = {k for k, v in MODEL.penalty_kinds.items() if v.hebei == "SERIOUS"}
    assert serious <= {r["penaltyKind"] for r in penalties}
    revoked_by_penalty = {
        r["subjectUscc"] for r in penalties if r["penaltyKind"] == "BUSINESS_LICENCE_REVOCATION"
    }
    revoked = {r["uscc"] for r in rows["organization"] if r["status"] == "BUSINESS_LICENCE_REVOKED"}
    assert revoked
    assert revoked == revoked_by_penalty
    decided = [date.fromisoformat(r["decisionDate"]) for r in penalties]
    assert sum(1 for d in decided if (DEFAULT_AS_OF - d).days <= 365) > len(decided) // 2
    assert {r["recordType"] for r in rows["record"]} >= {"ADMIN_LICENSE", "JUDICIAL", "ARREARS"}


def test_list_entries(rows: dict[str, list[dict[str, Any]]]) -> None:
    authorities = {r["authorityId"]: r for r in rows["authority"]}
    entries = rows["listEntry"]
    defaulters = [r for r in entries if r["listType"] == "JUDGMENT_DEFAULTER"]
    assert defaulters
    assert all(authorities[r["authorityId"]]["domain"] == "COURT" for r in defaulters)
    serious = [r for r in entries if r["listType"] == "SERIOUS_DISHONESTY"]
    assert len(serious) >= 3
    assert any(r.get("debtResponsibleIdNumbers") for r in serious)
    assert any("subjectIdNumber" in r for r in serious)  # a person listed in person
    black = {
        r.get("subjectUscc")
        for r in serious + defaulters
        if r["status"] == "ACTIVE" and "subjectUscc" in r
    }
    red = {r["subjectUscc"] for r in entries if r["listType"] == "RED_LIST"}
    assert red & black  # deliberate red/black conflicts
    for r in entries:
        assert r["validFrom"] == r["decisionDate"]
        assert r.get("validUntil", "9999") > r["validFrom"]


def test_authorities_form_a_hierarchy(rows: dict[str, list[dict[str, Any]]]) -> None:
    by_id = {r["authorityId"]: r for r in rows["authority"]}
    order = ["NATIONAL", "PROVINCE", "CITY", "COUNTY", "TOWNSHIP", "PARK"]
    for r in rows["authority"]:
        if "parentId" in r:
            parent = by_id[r["parentId"]]
            assert order.index(parent["level"]) < order.index(r["level"]), r
    assert {"MARKET", "TAX", "COURT", "CREDIT"} <= {r["domain"] for r in rows["authority"]}


def test_the_measure_catalogue(rows: dict[str, list[dict[str, Any]]]) -> None:
    assert [r["code"] for r in rows["measure"]] == [m.code for m in MEASURES]
    unpublished = {r["code"] for r in rows["measure"] if not r["published"]}
    assert unpublished == {"PUN-90", "PUN-91"}
    assert all(r["legalBasis"] for r in rows["measure"])
    assert all(m.source for m in MEASURES)


def test_no_generated_identifier_appears_in_a_scenario(
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in SCENARIO_DIR.glob("*.jsonl"))
    assert not [r["uscc"] for r in rows["organization"] if r["uscc"] in text]
    assert not [r["idNumber"] for r in rows["person"] if r["idNumber"] in text]


# -- building blocks -----------------------------------------------------------------------
def test_birth_places_are_valid_for_every_year_of_their_era() -> None:
    for first, last, places in BIRTH_ERAS:
        for place in places:
            for year in (first, last):
                number = codes.make_citizen_id(place, f"{year}0615", 123)
                assert ric.is_valid(number), (place, year)


def test_identifier_building_blocks() -> None:
    assert codes.org_code_check("60003734") == "1"  # the README's 91110000600037341L
    assert codes.make_uscc("9", "1", "110000", "600037341") == "91110000600037341L"
    assert codes.make_citizen_id("110105", "19491231", 2) == "11010519491231002X"
    new = codes.new_org_code(123456)
    assert new.startswith("MA")
    assert len(new) == 9
    assert uscc.is_valid(codes.make_uscc("9", "1", "130102", new))
    space = 1000
    assert sorted(codes.scramble(i, space, 7, 3) for i in range(space)) == list(range(space))


def test_lines_are_compact_json_and_escape_what_needs_escaping() -> None:
    row = {"kind": "x", "name": '引号"和\\反斜杠', "n": 1, "r": 0.25, "ok": True, "l": ["a"]}
    line = encode_line(row)
    assert line.endswith("}\n")
    assert "\n" not in line[:-1]
    assert json.loads(line) == row
    assert "引号" in line  # not \u-escaped


def test_the_generate_command_writes_files_and_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from api.cli import main

    assert (
        main(["generate", "--scale", "40", "--seed", "3", "--quiet", "--out", str(tmp_path)]) == 0
    )
    manifest = Manifest.load(tmp_path / MANIFEST)
    assert manifest.scale == 40
    assert manifest.seed == 3
    assert sorted(p.name for p in tmp_path.glob("*.jsonl")) == sorted(FILES.values())
    assert "relationships" in capsys.readouterr().out
    assert main(["generate", "--scale", "0", "--out", str(tmp_path)]) == 2
