"""Name search through the name-gram index (graph/search, docs/adr/0006-name-search-grams.md).

* ranking: exact id, then names starting with the query, then the other names, shorter first;
* the same results as the plain containment scan (`cypher/subject/search_*`), page and count,
  on a generated city, for every combination of filters;
* the grams follow every write that sets a name (upsert mutations, import, rename), in the
  write's own transaction, and roll back with it;
* `creditgraph search rebuild` indexes a database loaded without grams, and a second run finds
  nothing to do;
* a count-only `searchSubjects` runs one statement, the count.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from stdnum.cn import ric, uscc

from api.commands import search as search_command
from api.settings import Settings
from graph import search, subjects
from graph.audit import Actor
from graph.cypher import statement
from graph.executor import Executor, Probe, Tx
from graph.importer import import_files, import_rows
from graph.inputs import EnterpriseIn
from graph.model import MODEL
from graph.search import heads, index_names
from graph.subjects import SubjectSearch
from seeds.generator import generate
from tests.conftest import GQL

KEY = b"search-index-test"
ACTOR = Actor("test:search", "system")
INSERT_ORGANIZATIONS = statement("bench/insert_organizations")
SEARCH = """query($q: String!, $kind: SubjectKind, $region: String) {
  searchSubjects(query: $q, kind: $kind, region: $region, first: 20) {
    totalCount edges { node { id name } } } }"""
COUNT_ONLY = """query($q: String!, $region: String) {
  searchSubjects(query: $q, region: $region, first: 1) { totalCount } }"""


def org_id(n: int) -> str:
    body = f"91130100AD{n:07d}"
    return body + uscc.calc_check_digit(body)


def citizen(n: int) -> str:
    body = f"1301021988{1 + n // 28 % 12:02d}{1 + n % 28:02d}{n % 100:03d}"
    return body + ric.calc_check_digit(body + "0")


def org_row(n: int, name: str, region: str = "130102", industry: str = "I65") -> dict[str, Any]:
    return {
        "kind": "organization",
        "uscc": org_id(n),
        "name": name,
        "orgKind": "ENTERPRISE",
        "region": region,
        "industry": industry,
    }


async def load_rows(executor: Executor, rows: list[dict[str, Any]]) -> None:
    await import_rows(
        executor,
        (("test", i, row) for i, row in enumerate(rows, 1)),
        id_key=KEY,
        progress=False,
        risk_refresh=False,
    )


async def names(executor: Executor, query: str, **filters: str) -> list[str]:
    rows = await subjects.search_subjects(executor, SubjectSearch(query, **filters), 0, 100)
    return [r["name"] for r in rows]


async def scan(executor: Executor, search: SubjectSearch, skip: int, limit: int) -> list[str]:
    """The plain containment scan (what a one-character query runs), for any query."""
    page, _, params = search.scan()
    rows = await executor.read(page, **params, skip=skip, limit=limit)
    return [r["sid"] for r in rows]


class Recording:
    """A probe that notes each statement with the unit of work it ran in."""

    def __init__(self, inner: Probe) -> None:
        self.inner = inner
        self.current = ""
        self.statements: list[tuple[str, str]] = []

    @contextmanager
    def unit(self, name: str, *, write: bool) -> Iterator[None]:
        before, self.current = self.current, name
        try:
            with self.inner.unit(name, write=write):
                yield
        finally:
            self.current = before

    @contextmanager
    def statement(self, name: str) -> Iterator[None]:
        self.statements.append((self.current, name))
        with self.inner.statement(name):
            yield


@contextmanager
def recording(executor: Executor) -> Iterator[Recording]:
    probe = Recording(executor.probe)
    executor.probe = probe
    try:
        yield probe
    finally:
        executor.probe = probe.inner


# -- ranking -----------------------------------------------------------------------------------
async def test_ranking_is_exact_id_then_prefix_then_containment_shorter_first(
    empty_graph: Executor,
) -> None:
    ex = empty_graph
    await load_rows(
        ex,
        [
            org_row(1, "石家庄华鑫科技有限公司"),
            org_row(2, "华鑫有限公司"),
            org_row(3, "华鑫科技集团有限公司"),
            org_row(4, "河北华鑫有限公司"),
            org_row(5, "华鑫"),
            org_row(6, "石家庄华信有限公司"),  # no 华鑫
        ],
    )
    assert await names(ex, "华鑫") == [
        "华鑫",
        "华鑫有限公司",
        "华鑫科技集团有限公司",  # prefix, however long
        "河北华鑫有限公司",
        "石家庄华鑫科技有限公司",
    ]
    # An exact id comes first, even when other names hold the text.
    await load_rows(ex, [org_row(7, f"名称含{org_id(2)}的公司")])
    assert (await names(ex, org_id(2)))[:2] == ["华鑫有限公司", f"名称含{org_id(2)}的公司"]
    # One character keeps the scan, ranked the same way (no name starts with 鑫).
    assert await names(ex, "鑫") == [
        "华鑫",
        "华鑫有限公司",
        "河北华鑫有限公司",
        "华鑫科技集团有限公司",
        "石家庄华鑫科技有限公司",
    ]
    assert await names(ex, "华") == [*(await names(ex, "华鑫"))[:3], "河北华鑫有限公司",
                                     "石家庄华信有限公司", "石家庄华鑫科技有限公司"]  # fmt: skip
    assert await names(ex, "没有") == []
    assert await names(ex, "华鑫", region="999999") == []


# -- same results as the scan --------------------------------------------------------------------
@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate(tmp_path_factory.mktemp("search-city"), scale=120, seed=11).files


def queries(all_names: list[str], sids: list[str], rng: random.Random) -> list[str]:
    picked = rng.sample(all_names, 12)
    texts = list(picked)
    for name in picked:
        start = rng.randrange(max(1, len(name) - 2))
        texts.append(name[start : start + rng.choice((2, 3, 4))])
    return [*texts, "有限公司", "科技", "石家庄", "王", "公司", *sids[:3], "鑫鑫鑫", "9113"]


async def test_results_equal_the_containment_scan_on_a_generated_city(
    empty_graph: Executor, city: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    ex = empty_graph
    await import_files(ex, city, id_key=KEY, progress=False, risk_refresh=False)
    every = await ex.read(statement("subject/search_subjects"), **SubjectSearch("").params(),
                          skip=0, limit=100_000)  # fmt: skip
    rng = random.Random(5)
    all_names = [r["name"] for r in every if r["name"]]
    orgs = [r for r in every if r["region"] and r["industry"]]
    region, industry = orgs[0]["region"], orgs[0]["industry"]
    filters: list[dict[str, str]] = [
        {},
        {"kind": "ENTERPRISE"},
        {"kind": "NATURAL_PERSON"},
        {"region": region},
        {"industry": industry},
        {"kind": "ENTERPRISE", "region": region, "industry": industry},
    ]
    texts = queries(all_names, [r["sid"] for r in orgs], rng)
    checked = 0
    for text in texts:
        for given in filters:
            search = SubjectSearch(text, **given)
            assert search.indexed == (len(text) >= 2)
            expected = await scan(ex, search, 0, 100_000)
            got = await subjects.search_subjects(ex, search, 0, 100_000)
            assert [r["sid"] for r in got] == expected, (text, given)
            page = await subjects.search_subjects(ex, search, 3, 8)
            assert [r["sid"] for r in page] == expected[3:11], (text, given)
            assert await subjects.count_subjects(ex, search) == len(expected), (text, given)
            checked += bool(expected)
    assert checked > 50  # most queries find something
    # Within a region, the region index leads a name query when the region holds fewer
    # organisations than a third of the holders of the query's rarest gram (weighed from 5,000
    # holders: here from one, so this small city takes both ways). Same results either way.
    monkeypatch.setattr(subjects, "REGION_WEIGHED_FROM", 1)
    led: set[str] = set()
    for text in [t for t in texts if len(t) >= 2]:
        for given in [f for f in filters if "region" in f]:
            search = SubjectSearch(text, **given)
            expected = await scan(ex, search, 0, 100_000)
            with recording(ex) as probe:
                got = await subjects.search_subjects(ex, search, 0, 100_000)
                total = await subjects.count_subjects(ex, search)
            assert [r["sid"] for r in got] == expected, (text, given)
            assert total == len(expected), (text, given)
            ran = {name.split("[")[0] for _, name in probe.statements}
            assert "search/get_query_rarest" in ran
            region_led = {
                n for n in ran if n.startswith(("subject/search_region", "subject/count_region"))
            }
            led.add("region" if region_led - {"subject/count_region_upto"} else "grams")
    assert led == {"region", "grams"}  # both ways were taken


# -- the grams follow the writes ------------------------------------------------------------------
async def test_upsert_and_rename_keep_the_grams_in_the_same_transaction(
    empty_graph: Executor,
) -> None:
    ex = empty_graph
    uid = org_id(20)
    with recording(ex) as probe:
        await subjects.upsert_enterprise(ex, EnterpriseIn(uscc=uid, name="旧名称商贸有限公司"),
                                         by=ACTOR)  # fmt: skip
    # A created subject holds no gram yet: linked without the unlink statement's check.
    assert ("upsertEnterprise", "search/unlink_grams") not in probe.statements
    assert ("upsertEnterprise", "search/link_grams") in probe.statements
    assert await names(ex, "旧名称") == ["旧名称商贸有限公司"]

    with recording(ex) as probe:
        await subjects.upsert_enterprise(
            ex, EnterpriseIn(uscc=uid, name="新字号商贸有限公司"), by=ACTOR
        )
    assert ("upsertEnterprise", "search/unlink_grams") in probe.statements
    assert await names(ex, "旧名称") == []
    assert await names(ex, "新字号") == ["新字号商贸有限公司"]
    assert await names(ex, "商贸") == ["新字号商贸有限公司"]  # shared grams are linked once

    person = await subjects.upsert_person(ex, citizen(7), "欧阳明", KEY)
    assert await names(ex, "欧阳") == ["欧阳明"]
    await subjects.upsert_person(ex, citizen(7), "欧阳明华", KEY)
    assert [r["sid"] for r in await subjects.search_subjects(ex, SubjectSearch("明华"), 0, 5)] == [
        person["sid"]
    ]


async def test_a_failed_write_leaves_the_grams_as_they_were(empty_graph: Executor) -> None:
    ex = empty_graph
    await load_rows(ex, [org_row(30, "原来名字有限公司")])
    upsert = statement("enterprise/upsert_enterprise")

    async def rename_then_fail(tx: Tx) -> None:
        await tx.run(upsert, uscc=org_id(30), name="改后名字有限公司", region=None,
                     industry=None, isSOE=None)  # fmt: skip
        assert await index_names(tx, [org_id(30)]) == 1
        assert await index_names(tx, [org_id(30)]) == 0  # in step within the transaction
        raise RuntimeError("the write fails after its grams")

    with pytest.raises(RuntimeError, match="after its grams"):
        await ex.unit(rename_then_fail)
    assert await names(ex, "原来") == ["原来名字有限公司"]
    assert await names(ex, "改后") == []


async def test_import_updates_the_grams_in_its_batch_transaction(empty_graph: Executor) -> None:
    ex = empty_graph
    with recording(ex) as probe:
        await load_rows(ex, [org_row(40, "导入甲有限公司"), org_row(41, "导入乙有限公司")])
    units = {unit for unit, name in probe.statements if name == "search/link_grams"}
    assert units == {"import organizations"}
    assert await names(ex, "导入") == ["导入甲有限公司", "导入乙有限公司"]
    row = org_row(41, "更名丙有限公司")
    await load_rows(ex, [row])
    assert await names(ex, "导入") == ["导入甲有限公司"]
    assert await names(ex, "丙有") == ["更名丙有限公司"]
    # A row that keeps the name leaves the grams alone.
    with recording(ex) as probe:
        await load_rows(ex, [row | {"region": "130104"}])
    assert ("import organizations", "search/link_grams") not in probe.statements
    assert await names(ex, "丙有", region="130104") == ["更名丙有限公司"]


# -- rebuild ---------------------------------------------------------------------------------
async def test_rebuild_command_indexes_subjects_loaded_without_grams(
    empty_graph: Executor, settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    ex = empty_graph
    insert = INSERT_ORGANIZATIONS.specialise(MODEL.allowed, ORG="Enterprise")
    rows = [
        {"sid": org_id(50 + i), "uscc": org_id(50 + i), "name": f"无索引{i}号有限公司",
         "kind": "ENTERPRISE", "region": "130102", "industry": "I65", "isSOE": False,
         "status": "ACTIVE", "registeredAt": None}
        for i in range(5)
    ]  # fmt: skip
    await ex.write(insert, rows=rows)
    assert await names(ex, "无索引") == []  # loaded around the hooks: not found yet

    args = argparse.Namespace(action="rebuild", batch=2, quiet=False)
    code = await run_command(args, settings)
    assert code == 0
    out = capsys.readouterr()
    assert "5 of 5 stale subjects indexed" in out.out
    assert "search subjects" in out.err
    assert "search grams" in out.err
    assert len(await names(ex, "无索引")) == 5
    assert await run_command(args, settings) == 0
    assert "0 of 0 stale" in capsys.readouterr().out


async def run_command(args: argparse.Namespace, settings: Settings) -> int:
    """The command's `run`, in a thread: it opens its own driver and event loop."""
    import asyncio

    return await asyncio.to_thread(search_command.run, args, settings)


def test_search_rebuild_is_a_cli_command() -> None:
    from api.cli import build_parser

    args = build_parser().parse_args(["search", "rebuild", "--batch", "10"])
    assert (args.command, args.action, args.batch) == ("search", "rebuild", 10)


# -- count only ---------------------------------------------------------------------------
async def test_a_count_only_search_runs_one_count_statement(
    empty_graph: Executor, app: Starlette, gql: GQL
) -> None:
    await load_rows(
        empty_graph,
        [org_row(60, "计数甲有限公司", region="130105"), org_row(61, "计数乙有限公司")],
    )
    executor: Executor = app.state.executor
    with recording(executor) as probe:
        body = await gql(COUNT_ONLY, {"q": "计数", "region": "130105"})
    assert body["data"]["searchSubjects"] == {"totalCount": 1}
    # No page statement: within a region, the size of the query's rarest gram is read first
    # (it decides whether the region index leads; here the gram is held by two subjects).
    assert [name for _, name in probe.statements] == [
        "search/get_query_rarest",
        "search/count_names_region",
    ]

    with recording(executor) as probe:
        body = await gql(SEARCH, {"q": "计数"})
    assert body["data"]["searchSubjects"]["totalCount"] == 2
    assert [e["node"]["name"] for e in body["data"]["searchSubjects"]["edges"]] == [
        "计数甲有限公司",
        "计数乙有限公司",
    ]
    # A name query reads its grams' sizes first (a broad one is answered from the heads).
    assert sorted(name for _, name in probe.statements) == [
        "search/count_names",
        "search/get_query_heads",
        "search/search_names",
    ]


async def test_a_region_page_and_its_count_are_led_by_the_region_index(
    empty_graph: Executor, app: Starlette, gql: GQL
) -> None:
    # A dashboard's "enterprises of a region": an empty query, every organisation of the
    # region, shortest names first; the count alone is one count statement, no name predicate.
    await load_rows(
        empty_graph,
        [
            org_row(80, "区域乙长名称有限公司", region="130181"),
            org_row(81, "区域甲公司", region="130181"),
            org_row(82, "区域丙有限公司", region="130181", industry="C13"),
            org_row(83, "别区公司", region="130182"),
        ],
    )
    executor: Executor = app.state.executor
    page = """query($region: String, $industry: String) {
      searchSubjects(query: "", kind: ENTERPRISE, region: $region, industry: $industry,
                     first: 2) { totalCount edges { node { name } } } }"""
    with recording(executor) as probe:
        body = await gql(page, {"region": "130181"})
    found = body["data"]["searchSubjects"]
    assert found["totalCount"] == 3
    assert [e["node"]["name"] for e in found["edges"]] == ["区域甲公司", "区域丙有限公司"]
    assert sorted(name for _, name in probe.statements) == [
        "subject/count_region_all[Enterprise]",
        "subject/search_region_all[Enterprise]",
    ]
    body = await gql(page, {"region": "130181", "industry": "C13"})
    assert body["data"]["searchSubjects"]["totalCount"] == 1
    with recording(executor) as probe:
        body = await gql(COUNT_ONLY, {"q": "区", "region": "130181"})
    assert body["data"]["searchSubjects"] == {"totalCount": 3}
    assert [name for _, name in probe.statements] == ["subject/count_region[Organization]"]


async def test_a_regions_size_is_counted_once_and_reused_for_the_caps_it_answers(
    empty_graph: Executor,
) -> None:
    ex = empty_graph
    rows = [org_row(90 + i, f"大小{i}商贸有限公司", region="130183") for i in range(3)]
    await load_rows(ex, rows)

    async def below(cap: int) -> tuple[bool, int]:
        with recording(ex) as probe:
            answer = await subjects._region_below(ex, "130183", cap)
        return answer, len(probe.statements)

    assert await below(2) == (False, 1)  # counted up to 2: the region holds at least 2
    assert await below(1) == (False, 0)  # known: at least 2 ≥ 1
    assert await below(10) == (True, 1)  # more than it counted to: counted again, 3 in all
    assert await below(4) == (True, 0)  # exact now: 3 < 4
    assert await below(3) == (False, 0)
    assert await subjects._region_below(ex, "130199", 5)  # a region with none


async def test_the_mutations_index_the_names_they_write(gql: GQL) -> None:
    person = """mutation($i: PersonInput!) { upsertPerson(input: $i) { id } }"""
    enterprise = """mutation($i: EnterpriseInput!) {
      upsertEnterprise(input: $i) { enterprise { uscc } } }"""
    body = await gql(person, {"i": {"idNumber": citizen(70), "name": "司马光明"}})
    pid = body["data"]["upsertPerson"]["id"]
    body = await gql(enterprise, {"i": {"uscc": org_id(70), "name": "司马光明文具有限公司"}})
    assert body["data"]["upsertEnterprise"]["enterprise"] == {"uscc": org_id(70)}
    found = await gql(SEARCH, {"q": "马光", "kind": None, "region": None})
    edges = found["data"]["searchSubjects"]["edges"]
    assert [e["node"]["id"] for e in edges] == [pid, org_id(70)]


# -- broad queries: the gram heads ---------------------------------------------------------------
async def test_broad_pages_from_the_gram_heads_equal_the_scan_through_renames(
    empty_graph: Executor, city: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Heads of 6 keys and every query "broad": the heads answer what fits in them, and fall
    # back to the gram statement for the rest; both must equal the scan, page for page.
    ex = empty_graph
    monkeypatch.setattr(heads, "HEAD", 6)
    monkeypatch.setattr(heads, "BROAD", 0)
    answered: list[str] = []
    real = heads.first_page

    async def spy(
        executor: Executor, query: str, skip: int, limit: int, filters: dict[str, str]
    ) -> list[Any] | None:
        found = await real(executor, query, skip, limit, filters)
        if found is not None:
            answered.append(query)
        return found

    monkeypatch.setattr(search, "first_page", spy)
    await import_files(ex, city, id_key=KEY, progress=False, risk_refresh=False)
    every = await ex.read(statement("subject/search_subjects"), **SubjectSearch("").params(),
                          skip=0, limit=100_000)  # fmt: skip
    all_names = [r["name"] for r in every if r["name"] and r["region"]]

    async def compare(seed: int) -> None:
        rng = random.Random(seed)
        texts = [*queries(all_names, [], rng), "有限", "公司", "石家"]
        region = next(r["region"] for r in every if r["region"])
        filters: list[dict[str, str]] = [{}, {"kind": "ENTERPRISE"}, {"region": region}]
        for text in texts:
            for given in filters:
                wanted = SubjectSearch(text, **given)
                expected = await scan(ex, wanted, 0, 100_000)
                for skip, limit in ((0, 3), (0, 6), (2, 3), (5, 4)):
                    got = await subjects.search_subjects(ex, wanted, skip, limit)
                    page = expected[skip : skip + limit]
                    assert [r["sid"] for r in got] == page, (text, given, skip)

    await compare(1)
    assert len(answered) > 20  # the heads answered many pages (the rest fell back)
    # Renames (shorter, longer, to another word) leave stale keys behind.
    orgs = [r for r in every if r["kind"] == "ENTERPRISE"][:30]
    for n, row in enumerate(orgs):
        name = ["华有限公司", row["name"] + "分公司", "某某商贸有限公司"][n % 3]
        await subjects.upsert_enterprise(ex, EnterpriseIn(uscc=row["sid"], name=name), by=ACTOR)
    answered.clear()
    await compare(2)
    assert answered
    await search.rebuild(ex)
    await compare(3)
