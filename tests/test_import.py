"""Bulk import on the real database: rejects with line numbers, idempotence, order independence,
no raw ID number stored anywhere, atomic batches, the shipped examples and the CLI."""

from __future__ import annotations

import argparse
import asyncio
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from stdnum.cn import ric, uscc

from api.commands import import_ as import_command
from api.settings import Settings
from graph.cypher import statement
from graph.errors import BadUserInput
from graph.executor import Executor, Tx
from graph.identifiers import person_key
from graph.importer import ImportSummary, import_files, import_rows

pytestmark = pytest.mark.db

KEY = b"test-hash-key"
NODE_PROPERTIES = statement("import/get_node_properties")
RELATIONSHIP_PROPERTIES = statement("import/get_relationship_properties")
EXAMPLES = Path(__file__).resolve().parents[1] / "seeds" / "examples"


def org_id(n: int) -> str:
    body = f"91110105MA{n:07d}"
    return body + uscc.calc_check_digit(body)


def citizen(n: int) -> str:
    body = f"1101051980{1 + n // 28:02d}{1 + n % 28:02d}{n % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def org(n: int, **extra: Any) -> dict[str, Any]:
    return {"kind": "organization", "uscc": org_id(n), "name": f"测试企业{n}", **extra}


def person(n: int) -> dict[str, Any]:
    return {"kind": "person", "idNumber": citizen(n), "name": f"测试人{n}"}


def role(p: int, o: int, name: str = "LEGAL_REPRESENTATIVE_OF", **extra: Any) -> dict[str, Any]:
    return {
        "kind": "role",
        "role": name,
        "holderIdNumber": citizen(p),
        "uscc": org_id(o),
        "from": "2020-01-01",
        **extra,
    }


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def read_rejects(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


async def graph_counts(executor: Executor) -> tuple[Counter[str], Counter[str]]:
    """Nodes per label set and relationships per type (read through the audit statements)."""
    nodes = await executor.read(NODE_PROPERTIES)
    rels = await executor.read(RELATIONSHIP_PROPERTIES)
    return (
        Counter(":".join(sorted(n["labels"])) for n in nodes),
        Counter(r["type"] for r in rels),
    )


async def load(executor: Executor, paths: list[Path], **kw: Any) -> ImportSummary:
    return await import_files(executor, paths, id_key=KEY, progress=False, **kw)


# -- (a) the acceptance case ---------------------------------------------------------------------
async def test_exactly_the_three_bad_lines_are_rejected(
    empty_graph: Executor, tmp_path: Path
) -> None:
    bad_uscc = org_id(3)[:-1] + ("0" if org_id(3)[-1] != "0" else "1")
    rows = [
        org(1),  # line 1
        org(2),  # line 2
        {**org(3), "uscc": bad_uscc},  # line 3: bad check digit
        person(1),  # line 4
        person(2),  # line 5
        role(1, 1),  # line 6
        role(2, 2, "DIRECTOR_OF", **{"from": "2020-13-01"}),  # line 7: malformed date
        role(2, 1, "BOSS_OF"),  # line 8: unknown role
        role(2, 2, "SUPERVISOR_OF"),  # line 9
    ]
    feed = write_jsonl(tmp_path / "feed.jsonl", rows)

    summary = await load(empty_graph, [feed])

    rejects = read_rejects(tmp_path / "feed.jsonl.rejects.jsonl")
    assert [(r["line"], r["field"]) for r in rejects] == [(3, "uscc"), (7, "from"), (8, "role")]
    assert "check digit" in rejects[0]["reason"]
    assert "2020-13-01" in rejects[1]["reason"]
    assert "unknown role 'BOSS_OF'" in rejects[2]["reason"]
    assert all(r["file"] == str(feed) for r in rejects)
    assert [str(s) for s in summary.sample] == [
        f"{feed}:{r['line']}: {r['field']}: {r['reason']}" for r in rejects
    ]
    assert (summary.rows, summary.created, summary.rejected) == (9, 6, 3)
    assert summary.kinds["role"].rejected == 2
    nodes, rels = await graph_counts(empty_graph)
    assert nodes == {"Enterprise:Organization:Subject": 2, "Person:Subject": 2}
    assert rels == {"LEGAL_REPRESENTATIVE_OF": 1, "SUPERVISOR_OF": 1}
    # The rejected role rows carried ID numbers: the rejects file does not.
    text = (tmp_path / "feed.jsonl.rejects.jsonl").read_text("utf-8")
    assert citizen(2) not in text
    assert "holderIdNumber" not in text


# -- (b) idempotence -----------------------------------------------------------------------------
async def test_importing_twice_creates_nothing_the_second_time(
    empty_graph: Executor, tmp_path: Path
) -> None:
    rows = [org(n) for n in range(1, 5)] + [person(n) for n in range(1, 4)]
    rows += [role(1, 1), role(2, 1, "DIRECTOR_OF"), role(3, 2, "SHAREHOLDER_OF", ratio=0.5)]
    feed = write_jsonl(tmp_path / "feed.jsonl", rows)

    first = await load(empty_graph, [feed], batch_size=3)
    counts = await graph_counts(empty_graph)
    second = await load(empty_graph, [feed], batch_size=3)

    assert (first.created, first.updated, first.rejected) == (10, 0, 0)
    assert (second.created, second.updated, second.rejected) == (0, 10, 0)
    assert await graph_counts(empty_graph) == counts
    assert not (tmp_path / "feed.jsonl.rejects.jsonl").exists()


async def test_duplicates_in_a_batch_count_once_and_the_last_row_wins(
    empty_graph: Executor,
) -> None:
    rows = [("feed", 1, org(1, region="110101")), ("feed", 2, org(1, region="110105"))]
    summary = await import_rows(empty_graph, rows, id_key=KEY, progress=False)
    assert (summary.created, summary.updated) == (1, 1)
    nodes = await empty_graph.read(NODE_PROPERTIES)
    assert [n["props"]["region"] for n in nodes] == ["110105"]


async def test_an_organisation_kind_never_changes(empty_graph: Executor) -> None:
    await import_rows(empty_graph, [("a", 1, org(1))], id_key=KEY, progress=False)
    summary = await import_rows(
        empty_graph, [("b", 7, org(1, orgKind="SOCIAL_ORG"))], id_key=KEY, progress=False
    )
    assert summary.rejected == 1
    assert "another organisation kind" in summary.sample[0].reason
    assert summary.sample[0].line == 7


# -- (c) order independence ----------------------------------------------------------------------
async def test_roles_before_their_ends_in_the_same_file_load(
    empty_graph: Executor, tmp_path: Path
) -> None:
    rows = [role(1, 1), role(2, 1, "DIRECTOR_OF"), person(1), org(1), person(2)]
    feed = write_jsonl(tmp_path / "mixed.jsonl", rows)
    summary = await load(empty_graph, [feed], batch_size=2)
    assert (summary.created, summary.rejected) == (5, 0)
    _, rels = await graph_counts(empty_graph)
    assert rels == {"LEGAL_REPRESENTATIVE_OF": 1, "DIRECTOR_OF": 1}


async def test_a_roles_file_before_the_persons_file_in_one_call_loads(
    empty_graph: Executor, tmp_path: Path
) -> None:
    roles = write_jsonl(tmp_path / "roles.jsonl", [role(n, n % 2) for n in range(6)])
    persons = write_jsonl(tmp_path / "persons.jsonl", [person(n) for n in range(6)])
    orgs = write_jsonl(tmp_path / "orgs.jsonl", [org(0), org(1)])
    summary = await load(empty_graph, [roles, persons, orgs], batch_size=4)
    assert (summary.kinds["role"].created, summary.rejected) == (6, 0)


async def test_a_role_whose_end_never_arrives_is_rejected_naming_it(
    empty_graph: Executor, tmp_path: Path
) -> None:
    rows = [
        org(1),
        person(1),
        role(1, 1),
        role(9, 1),  # line 4: no such person
        role(1, 9),  # line 5: no such organisation
        {
            "kind": "record",
            "recordId": "R-1",
            "recordType": "ADMIN_PENALTY",
            "subjectUscc": org_id(8),
            "decisionDate": "2024-01-01",
        },  # line 6
        {
            "kind": "authority",
            "authorityId": "CHILD",
            "name": "区局",
            "parentId": "NOWHERE",
        },  # line 7
    ]
    feed = write_jsonl(tmp_path / "feed.jsonl", rows)
    summary = await load(empty_graph, [feed])
    assert [(r.line, r.field, r.reason) for r in summary.sample] == [
        (4, "holderIdNumber", "unknown holder"),
        (5, "uscc", "unknown organisation"),
        (6, "subjectUscc", "unknown subject"),
        (7, "parentId", "unknown parent authority"),
    ]
    nodes, _ = await graph_counts(empty_graph)
    assert "Authority" not in nodes  # the child authority was not half-written


# -- (d) privacy -----------------------------------------------------------------------------------
def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)]


async def test_no_raw_id_number_is_stored_anywhere(empty_graph: Executor, tmp_path: Path) -> None:
    numbers = [citizen(n) for n in range(1, 5)]
    rows: list[dict[str, Any]] = [org(1), {"kind": "authority", "authorityId": "A", "name": "局"}]
    rows += [person(n) for n in range(1, 5)]
    rows += [role(1, 1), role(2, 1, "ACTUAL_CONTROLLER_OF")]
    rows.append(
        {
            "kind": "record",
            "recordId": "R-P",
            "recordType": "HONOR",
            "subjectIdNumber": numbers[2],
            "decisionDate": "2024-01-01",
        }
    )
    rows.append(
        {
            "kind": "listEntry",
            "entryId": "E-1",
            "listType": "SERIOUS_DISHONESTY",
            "subjectUscc": org_id(1),
            "authorityId": "A",
            "decisionNo": "D1",
            "decisionDate": "2024-01-01",
            "reason": "r",
            "legalBasis": "b",
            "validFrom": "2024-01-01",
            "debtResponsibleIdNumbers": [numbers[3]],
        }
    )
    rows.append({**person(5), "name": ""})  # rejected: its number must not reach the rejects
    feed = write_jsonl(tmp_path / "feed.jsonl", rows)

    summary = await load(empty_graph, [feed])

    assert summary.rejected == 1
    nodes = await empty_graph.read(NODE_PROPERTIES)
    rels = await empty_graph.read(RELATIONSHIP_PROPERTIES)
    assert len(nodes) == 8
    assert Counter(r["type"] for r in rels) == {
        "LEGAL_REPRESENTATIVE_OF": 1,
        "ACTUAL_CONTROLLER_OF": 1,
        "HAS_RECORD": 1,
        "LISTED_AS": 1,
        "ISSUED_BY": 1,
        "DEBT_RESPONSIBLE_FOR": 1,
    }
    stored = " ".join(_strings([n["props"] for n in nodes] + [r["props"] for r in rels]))
    stored += (tmp_path / "feed.jsonl.rejects.jsonl").read_text("utf-8")
    for number in [*numbers, citizen(5)]:
        assert number not in stored
        assert number[6:17] not in stored  # not even birth date and sequence
    masked = {n["props"].get("idMasked") for n in nodes} - {None}
    assert masked == {person_key(n, KEY).id_masked for n in numbers}


# -- (e) atomic batches ----------------------------------------------------------------------------
async def test_a_failing_batch_leaves_none_of_its_rows(
    empty_graph: Executor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = write_jsonl(tmp_path / "persons.jsonl", [person(n) for n in range(6)])
    real_one = Tx.one
    calls = 0

    async def fail_after_second_batch(self: Tx, stmt: Any, **params: Any) -> Any:
        nonlocal calls
        out = await real_one(self, stmt, **params)  # the statement has run in the transaction
        if stmt.name.startswith("import/create_persons"):
            calls += 1
            if calls == 2:
                raise RuntimeError("injected failure")
        return out

    monkeypatch.setattr(Tx, "one", fail_after_second_batch)
    with pytest.raises(RuntimeError, match="injected failure"):
        await load(empty_graph, [feed], batch_size=3)
    monkeypatch.undo()

    nodes = await empty_graph.read(NODE_PROPERTIES)
    stored = sorted(n["props"]["name"] for n in nodes)
    assert stored == ["测试人0", "测试人1", "测试人2"]  # the first batch, none of the second


# -- (f) the shipped examples ----------------------------------------------------------------------
async def test_csv_and_jsonl_examples_load_and_describe_the_same_rows(
    empty_graph: Executor,
) -> None:
    csv_files = sorted(EXAMPLES.glob("*.csv"))
    jsonl_files = sorted(EXAMPLES.glob("*.jsonl"))
    assert len(csv_files) == len(jsonl_files) == 7

    from_csv = await load(empty_graph, csv_files, rejects_path=None)
    counts = await graph_counts(empty_graph)
    from_jsonl = await load(empty_graph, jsonl_files)

    assert from_csv.rejected == 0, [str(r) for r in from_csv.sample]
    assert from_csv.created == from_csv.rows == 27
    assert (from_jsonl.created, from_jsonl.rejected, from_jsonl.updated) == (0, 0, 27)
    assert await graph_counts(empty_graph) == counts
    nodes, rels = counts
    assert nodes["Enterprise:Organization:Subject"] == 2
    assert nodes["Person:Subject"] == 3
    assert rels["PARENT_AUTHORITY"] == 1
    assert rels["DEBT_RESPONSIBLE_FOR"] == 1
    assert not list(EXAMPLES.glob("*.rejects.jsonl"))


# -- readers ---------------------------------------------------------------------------------------
async def test_csv_kind_from_the_file_name_or_the_kind_option(
    empty_graph: Executor, tmp_path: Path
) -> None:
    (tmp_path / "people-2024.csv").write_text(
        f"idNumber,name\n{citizen(1)},甲\n{citizen(2)},乙\n", "utf-8"
    )
    (tmp_path / "feed.csv").write_text(f"uscc,name,isSOE\n{org_id(1)},丙,true\n", "utf-8")
    with pytest.raises(BadUserInput, match="cannot tell the kind"):
        await load(empty_graph, [tmp_path / "feed.csv"])
    people = await load(empty_graph, [tmp_path / "people-2024.csv"])
    orgs = await load(empty_graph, [tmp_path / "feed.csv"], kind="organization")
    assert (people.kinds["person"].created, orgs.kinds["organization"].created) == (2, 1)


async def test_unreadable_lines_are_rejected_with_their_line(
    empty_graph: Executor, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps(org(1)) + "\n\n{not json\n[1, 2]\n" + json.dumps({"uscc": "x"}) + "\n",
        "utf-8",
    )
    summary = await load(empty_graph, [feed])
    assert [(r.line, r.field) for r in summary.sample] == [(3, None), (4, None), (5, "kind")]
    assert summary.created == 1


# -- the command -----------------------------------------------------------------------------------
def _args(*files: Path, **kw: Any) -> argparse.Namespace:
    values = {"kind": None, "batch_size": 5000, "rejects": None, "no_progress": True}
    values |= {"no_risk_refresh": False, **kw}
    return argparse.Namespace(files=list(files), **values)


async def test_cli_exit_codes(
    empty_graph: Executor, settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [org(1), person(1), role(1, 1)])
    bad = write_jsonl(tmp_path / "bad.jsonl", [org(2), {**org(3), "uscc": "123"}])

    assert await asyncio.to_thread(import_command.run, _args(good), settings) == 0
    assert await asyncio.to_thread(import_command.run, _args(bad), settings) == 1
    out = capsys.readouterr()
    assert f"{bad}:2: uscc: invalid USCC '123'" in out.err
    assert "rejected" in out.out
    assert import_command.run(_args(tmp_path / "missing.jsonl"), settings) == 2
    assert import_command.run(_args(good, batch_size=0), settings) == 2
