"""The explorer (`/explore`) and GraphiQL (`/graphql`) in a real browser (issue 16).

Fixture strategy
----------------
* The session's app (tests/conftest.py `app`, lifespan already running on the session loop) is
  served by uvicorn on a free loopback port as a task of the same loop, so the one driver is never
  used across loops. Debian's Chromium (`make setup-test` installs it) is driven by Playwright's
  async API; Playwright's own browser download is not used.
* Data: the `core` scenario (the README's demo enterprise) with its consequences derived as the
  demo derives them (`seeds.demo.derive_consequences`: sanctions propagated, grades, linked risk,
  clusters), plus a hub organisation with 10,000 employees, loaded once for this module.
* Every page records every request it makes and every console error; a test fails if a request
  went to any host but the service, or the page logged an error (a CSP refusal, a script error).
* Waiting is on observable state only: Playwright's `expect` assertions, or a condition on the
  page (`wait_for_function`), never a fixed sleep.
* Screenshots go to test-artefacts/explorer/ (or $TEST_ARTEFACTS/explorer), printed at start.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
import uvicorn
from playwright.async_api import Browser, Download, Page, Request, async_playwright, expect
from starlette.applications import Starlette

from api.auth import Role
from graph.embedded import free_port
from graph.executor import Executor
from graph.identifiers import person_key
from graph.importer import import_rows
from seeds.codes import make_citizen_id, make_uscc, new_org_code
from seeds.demo import DEMO_USCC, derive_consequences
from seeds.scenarios import load_scenario
from tests.conftest import DELETE_ALL

pytestmark = pytest.mark.db

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
KEY = b"test-hash-key"  # CREDITGRAPH_ID_HASH_KEY of the test settings
ZHANG_WEI = person_key("11010519491231002X", KEY).pid  # LR of D0 and of the listed D2: flagged
LI_NA = person_key("110105196804150224", KEY).pid  # LR of D0 until 2019-02-28
D2 = "91110105600037552H"  # 北京示范商贸有限公司: judgment defaulter
HUB = make_uscc("9", "1", "310101", new_org_code(777_001))
HUB_SIZE = 10_000
PAGE_CAP = 25  # web/explorer/src/queries.js PAGE
DESKTOP = {"width": 1400, "height": 900}
LAPTOP = {"width": 1280, "height": 720}
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
}).observe({ entryTypes: ["longtask"] });
"""


def hub_rows() -> Iterator[tuple[str, int, dict[str, Any]]]:
    """An organisation with HUB_SIZE employees (import format)."""
    yield "hub", 1, {"kind": "organization", "uscc": HUB, "name": "上海枢纽人力资源有限公司"}
    for i in range(HUB_SIZE):
        born = (date(1950, 1, 1) + timedelta(days=i)).strftime("%Y%m%d")
        id_number = make_citizen_id("310101", born, 1 + i % 99)
        yield "hub", 2 + 2 * i, {"kind": "person", "idNumber": id_number, "name": f"员工{i:05d}"}
        yield (
            "hub",
            3 + 2 * i,
            {
                "kind": "role",
                "role": "EMPLOYED_BY",
                "holderIdNumber": id_number,
                "uscc": HUB,
                "from": "2020-01-01",
            },
        )


@pytest.fixture(scope="module")
async def demo_graph(executor: Executor) -> None:
    await executor.write(DELETE_ALL)
    await load_scenario(executor, "core", KEY)
    await derive_consequences(executor)
    summary = await import_rows(executor, hub_rows(), id_key=KEY, progress=False)
    assert summary.rejected == 0


@pytest.fixture(scope="module")
async def base_url(app: Starlette, demo_graph: None) -> AsyncIterator[str]:
    """The session's app over real HTTP, on a free port, in the session's loop."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off", log_level="warning")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    async with asyncio.timeout(120):  # a bound, never reached when the server starts
        while not server.started:
            if task.done():
                task.result()  # raises what stopped it
            await asyncio.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            await chromium.close()


@pytest.fixture(scope="session")
def artefacts() -> Path:
    folder = Path(os.environ.get("TEST_ARTEFACTS", ROOT / "test-artefacts")) / "explorer"
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nexplorer screenshots: {folder}")
    return folder


@dataclass
class Traffic:
    """What a page asked for and complained about."""

    host: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        return [url for url in self.requests if urlsplit(url).netloc != self.host]


@dataclass
class Browsing:
    page: Page
    traffic: Traffic
    base_url: str


@pytest.fixture
async def browse(browser: Browser, base_url: str) -> AsyncIterator[Callable[..., Any]]:
    """`await browse(viewport=…)` → a fresh page (own session storage) on the service."""
    opened: list[Browsing] = []

    async def open_page(viewport: dict[str, int] = DESKTOP) -> Browsing:
        context = await browser.new_context(
            viewport=viewport, locale="zh-CN", base_url=base_url, accept_downloads=True
        )
        traffic = Traffic(host=urlsplit(base_url).netloc)

        def on_request(request: Request) -> None:
            if not request.url.startswith(("data:", "blob:")):
                traffic.requests.append(request.url)

        async def only_the_service(route: Any) -> None:
            # Recorded above; anything foreign is not let out (the assertion names it).
            if urlsplit(route.request.url).netloc == traffic.host:
                await route.continue_()
            else:
                await route.abort()

        context.on("request", on_request)
        await context.route("**/*", only_the_service)
        await context.add_init_script(LONG_TASKS)
        page = await context.new_page()
        page.on("console", lambda m: traffic.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: traffic.errors.append(str(e)))
        browsing = Browsing(page, traffic, base_url)
        opened.append(browsing)
        return browsing

    yield open_page
    for b in opened:
        await b.page.context.close()
    for b in opened:
        assert b.traffic.requests, "the page made no request at all"
        assert b.traffic.foreign() == [], f"requests left the service: {b.traffic.foreign()}"
        assert b.traffic.errors == [], f"the page logged errors: {b.traffic.errors}"


# -- helpers -------------------------------------------------------------------------------------
async def sign_in(page: Page, bearer: str, purpose: str | None = None) -> None:
    """Through the page's own dialog, as a person pastes a token."""
    await page.click("#sign-in")
    await page.fill("#token-input", bearer)
    await page.click("#sign-in-save")
    if purpose is not None:
        await page.fill("#purpose", purpose)
        await page.press("#purpose", "Tab")  # `change`


async def settled(page: Page) -> None:
    """No request of the page's in flight."""
    await expect(page.locator("body")).to_have_attribute("data-busy", "0")


async def open_subject(page: Page, query: str, subject_id: str) -> None:
    """Search as you type, pick the result; the subject is drawn and expanded one hop."""
    await page.fill("#search", query)
    result = page.locator(f'#results button.result[data-subject="{subject_id}"]')
    await expect(result).to_be_visible()
    await result.click()
    await page.wait_for_function("id => window.explorer.graph.expansions.has(id)", arg=subject_id)
    await settled(page)


async def click_node(page: Page, node_id: str) -> None:
    """A real click on the canvas where the node is drawn (centred first, as a user pans).

    Waits until no request is in flight first: an answer arriving between measuring the node's
    position and the click re-lays the graph out, and the click would land beside the node.
    """
    await page.wait_for_function(
        "id => window.explorer.graph.cy.getElementById(id).nonempty()", arg=node_id
    )
    await settled(page)
    position = await page.evaluate(
        """id => { const cy = window.explorer.graph.cy; const n = cy.getElementById(id);
                   cy.center(n); return n.renderedPosition(); }""",
        node_id,
    )
    box = await page.locator("#canvas").bounding_box()
    assert box is not None
    await page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])


async def downloaded(download: Download) -> bytes:
    """The bytes of a file the page offered for download."""
    return await asyncio.to_thread(Path(await download.path()).read_bytes)


async def node_classes(page: Page, node_id: str) -> list[str]:
    classes: list[str] = await page.evaluate(
        "id => window.explorer.graph.cy.getElementById(id).classes()", node_id
    )
    return classes


# -- the tests -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("page", "files"),
    [
        ("explorer", ("index.html", "explorer.js", "explorer.css")),
        ("graphiql", ("index.html", "graphiql.js", "style.css")),
    ],
)
async def test_the_built_pages_are_what_their_sources_build(
    tmp_path: Path, page: str, files: tuple[str, ...]
) -> None:
    """api/static/<page> is committed: it must be what web/<page> builds (`make web`)."""
    build = await asyncio.create_subprocess_exec(
        "node", f"web/{page}/build.mjs", "--out", str(tmp_path), cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    output, _ = await build.communicate()
    assert build.returncode == 0, output.decode()
    built = ROOT / "api" / "static" / page
    assert sorted(os.listdir(tmp_path)) == sorted(files)
    for name in files:
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), (
            f"api/static/{page}/{name} is stale: run `make web`"
        )


async def test_root_redirects_to_the_explorer_with_a_self_only_policy(
    browse: Callable[..., Any],
) -> None:
    b = await browse()
    response = await b.page.goto("/")
    assert response is not None
    assert response.url.endswith("/explore")
    policy = await response.header_value("content-security-policy")
    assert policy is not None
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy
    assert "http" not in policy
    await expect(b.page.locator("h1")).to_have_text("CreditGraph 关系图谱")


async def test_the_demo_enterprise_shows_its_flagged_legal_representative_and_why(
    browse: Callable[..., Any], token: Callable[..., str], artefacts: Path
) -> None:
    b = await browse()
    page = b.page
    await page.goto("/explore")
    await sign_in(page, token(Role.INVESTIGATOR))
    await expect(page.locator("#role")).to_have_text("角色: 调查员")
    await open_subject(page, DEMO_USCC, DEMO_USCC)
    await expect(page.locator("#panel-title")).to_have_text("北京示范科技有限公司")
    assert "flagged" in await node_classes(page, ZHANG_WEI)  # drawn as flagged before a click
    # Parallel relations are one edge listing them all.
    label = await page.evaluate(
        "id => window.explorer.graph.cy.getElementById(id).data('label')",
        f"rel:{ZHANG_WEI}|{DEMO_USCC}",
    )
    assert label.splitlines() == [
        "实际控制人 2003-06-18 起",
        "董事 2019-03-01 起",
        "法定代表人 2019-03-01 起",
        "股东 60% 2003-06-18 起",
    ]

    await click_node(page, ZHANG_WEI)
    await expect(page.locator("#panel-title")).to_have_text("张伟")
    flag = page.locator('[data-section="flags"] article.flag')
    await expect(flag).to_have_count(1)
    await expect(flag).to_contain_text("P1")
    await expect(flag.locator(".legal-basis")).to_contain_text("《黑龙江省社会信用条例》第三十三条")
    await expect(flag.locator(".flag-path")).to_have_text(
        "张伟 —法定代表人（2016-04-01起）→ 北京示范商贸有限公司"
    )
    await expect(flag).to_contain_text("（2025）京0105执4410号")
    await settled(page)  # 张伟 expanded: D2 (listed) is on the canvas
    assert "listed" in await node_classes(page, D2)
    await flag.get_by_role("button").click()  # show the path on the canvas
    await page.wait_for_function(
        "id => window.explorer.graph.cy.getElementById(id).hasClass('on-path')", arg=D2
    )
    await page.screenshot(path=artefacts / "flagged-legal-representative.png")

    async with page.expect_download() as download_info:
        await page.click("#export-json")
    exported = json.loads(await downloaded(await download_info.value))
    assert {DEMO_USCC, ZHANG_WEI, D2} <= {n["id"] for n in exported["nodes"]}
    assert exported["evidence"][ZHANG_WEI]["flags"][0]["ruleId"] == "P1"
    assert exported["paths"] == [[ZHANG_WEI, D2]]
    async with page.expect_download() as download_info:
        await page.click("#export-png")
    png = await downloaded(await download_info.value)
    assert png.startswith(b"\x89PNG")

    await page.click("#lang")  # English, the API's explanations too
    await expect(page.locator("h1")).to_have_text("CreditGraph explorer")
    await expect(flag.locator(".legal-basis")).to_contain_text("Legal basis")
    await expect(flag.locator(".summary")).not_to_contain_text("依据")
    await page.click("#lang")
    await expect(page.locator("h1")).to_have_text("CreditGraph 关系图谱")


async def test_paths_between_two_subjects_are_highlighted_hop_by_hop(
    browse: Callable[..., Any], token: Callable[..., str], artefacts: Path
) -> None:
    b = await browse()
    page = b.page
    await page.goto("/explore")
    await sign_in(page, token(Role.INVESTIGATOR))
    await open_subject(page, DEMO_USCC, DEMO_USCC)
    await page.locator(f'#panel [data-section="roles"] button[data-subject="{LI_NA}"]').click()
    await expect(page.locator("#panel-title")).to_have_text("李娜")
    await page.get_by_role("button", name="设为路径起点").click()
    await open_subject(page, "北京示范商贸", D2)
    await page.get_by_role("button", name="设为路径终点").click()
    paths = page.locator('[data-section="paths"] li.path')
    await expect(paths).to_have_count(2)  # through 张伟 and through 陈静, three hops each
    await expect(paths.first).to_contain_text("董事 2003-06-18 起")
    await expect(paths.first).to_contain_text("法定代表人 2003-06-18 – 2019-02-28")
    on_path: list[str] = await page.evaluate(
        "() => window.explorer.graph.cy.nodes('.on-path').map(n => n.id())"
    )
    assert {LI_NA, DEMO_USCC, D2, ZHANG_WEI} <= set(on_path)
    faded = await page.evaluate("() => window.explorer.graph.cy.nodes('.faded').length")
    assert faded > 0  # the rest of the network steps back
    await page.screenshot(path=artefacts / "paths-between.png")


async def test_the_as_of_control_removes_an_ended_role(
    browse: Callable[..., Any], token: Callable[..., str], artefacts: Path
) -> None:
    b = await browse(viewport=LAPTOP)
    page = b.page
    await page.goto("/explore")
    await sign_in(page, token(Role.INVESTIGATOR))
    await open_subject(page, DEMO_USCC, DEMO_USCC)
    li_na = page.locator(f'#panel [data-section="roles"] li:has(button[data-subject="{LI_NA}"])')
    await expect(li_na).to_contain_text("法定代表人 2003-06-18 – 2019-02-28")
    await page.fill("#as-of", "2026-01-01")
    await expect(li_na).to_contain_text("董事 2003-06-18 起")
    await expect(li_na).not_to_contain_text("法定代表人")
    await settled(page)
    label = await page.evaluate(
        "id => window.explorer.graph.cy.getElementById(id).data('label')",
        f"rel:{LI_NA}|{DEMO_USCC}",
    )
    assert "法定代表人" not in label
    await page.screenshot(path=artefacts / "as-of-2026-01-01-laptop.png")
    await page.fill("#as-of", "2010-01-01")  # before 张伟's and 刘洋's roles began
    await expect(li_na).to_contain_text("法定代表人 2003-06-18 – 2019-02-28")
    zhang = page.locator(
        f'#panel [data-section="roles"] li:has(button[data-subject="{ZHANG_WEI}"])'
    )
    await expect(zhang).to_contain_text("实际控制人 2003-06-18 起")
    await expect(zhang).not_to_contain_text("法定代表人")


async def test_the_public_sees_no_personal_data_an_investigator_with_a_purpose_does(
    browse: Callable[..., Any], token: Callable[..., str], artefacts: Path
) -> None:
    b = await browse()
    page = b.page
    await page.goto("/explore")
    await expect(page.locator("#role")).to_have_text("角色: 公众（未登录）")
    await open_subject(page, "张伟", ZHANG_WEI)
    identity = page.locator('[data-section="identity"]')
    await expect(identity).to_contain_text("1101**********002X")
    await expect(page.locator('[data-section="personal"]')).to_contain_text("受限")
    await expect(page.locator('[data-section="grade"]')).to_contain_text("受限")
    await expect(page.locator('[data-section="flags"]')).to_contain_text("P1")  # published
    await expect(page.locator("body")).not_to_contain_text("1949-12-31")
    await expect(page.locator("#notice")).to_be_hidden()  # restricted is not an error
    await page.screenshot(path=artefacts / "public.png")

    await sign_in(page, token(Role.INVESTIGATOR))
    await expect(page.locator("#role")).to_have_text("角色: 调查员")
    await page.locator(f'#panel [data-section="roles"] button[data-subject="{DEMO_USCC}"]').click()
    await click_node(page, ZHANG_WEI)
    await expect(page.locator('[data-section="personal"]')).to_contain_text("需填写用途")
    await page.fill("#purpose", "案件核查：关联企业失信惩戒")
    await page.press("#purpose", "Tab")
    await expect(page.locator('[data-section="personal"]')).to_contain_text("1949-12-31")
    await expect(page.locator('[data-section="grade"]')).to_contain_text("A")
    await page.screenshot(path=artefacts / "investigator-with-purpose.png")


async def test_a_hub_of_ten_thousand_expands_capped_with_more_and_stays_responsive(
    browse: Callable[..., Any], token: Callable[..., str], artefacts: Path
) -> None:
    b = await browse()
    page = b.page
    await page.goto("/explore")
    await sign_in(page, token(Role.INVESTIGATOR))
    await open_subject(page, HUB, HUB)
    count = "() => window.explorer.graph.subjects.size"
    assert await page.evaluate(count) == 1 + PAGE_CAP
    more = f"more:{HUB}"
    label = "id => window.explorer.graph.cy.getElementById(id).data('label')"
    assert await page.evaluate(label, more) == f"还有 {HUB_SIZE - PAGE_CAP:,} 项"
    await expect(page.locator("#expansion-count")).to_have_text(
        f"已显示 {PAGE_CAP} / {HUB_SIZE:,} 项关系"
    )
    for pages in (2, 3):
        await click_node(page, more)
        await page.wait_for_function(
            f"() => window.explorer.graph.subjects.size === {1 + pages * PAGE_CAP}"
        )
        await settled(page)
    assert await page.evaluate(label, more) == f"还有 {HUB_SIZE - 3 * PAGE_CAP:,} 项"
    await page.get_by_role("button", name="加载更多").click()
    await expect(page.locator("#expansion-count")).to_have_text(
        f"已显示 {4 * PAGE_CAP} / {HUB_SIZE:,} 项关系"
    )
    # Still responsive: the search answers while the hub is drawn, and no task blocked the page.
    await page.fill("#search", "北京示范")
    await expect(page.locator("#results button.result").first).to_be_visible()
    long_tasks: list[float] = await page.evaluate("() => window.__longTasks")
    print(f"hub of {HUB_SIZE:,}: longest main-thread task {max(long_tasks, default=0):.0f} ms")
    assert max(long_tasks, default=0) < 1500, long_tasks
    await page.press("#search", "Escape")
    await page.screenshot(path=artefacts / "hub-capped.png")


async def test_graphiql_renders_and_runs_a_query_offline(
    browse: Callable[..., Any], token: Callable[..., str], artefacts: Path
) -> None:
    """GraphiQL's assets come from the service itself (a foreign request fails the test), its
    header editor carries a token and a purpose, and `?q=` opens a query."""
    b = await browse()
    page = b.page
    query = f'{{ enterprise(uscc: "{DEMO_USCC}") {{ name uscc }} }}'
    await page.goto(f"/graphql?q={quote(query)}")
    await expect(page.locator(".graphiql-container")).to_be_visible()
    await expect(page.locator(".graphiql-query-editor")).to_contain_text("enterprise")
    await page.locator(".graphiql-execute-button").click()
    await expect(page.locator(".graphiql-response")).to_contain_text("北京示范科技有限公司")
    await page.screenshot(path=artefacts / "graphiql.png")

    # A person's personal data through the header editor: refused without a token, given to an
    # investigator who states a purpose.
    personal = f'{{ person(id: "{ZHANG_WEI}") {{ name personalData {{ birthDate }} }} }}'
    await page.goto(f"/graphql?q={quote(personal)}")
    await expect(page.locator(".graphiql-query-editor")).to_contain_text("personalData")
    await page.locator(".graphiql-execute-button").click()
    await expect(page.locator(".graphiql-response")).to_contain_text("UNAUTHENTICATED")
    headers = json.dumps(
        {"Authorization": f"Bearer {token(Role.INVESTIGATOR)}", "X-Purpose": "case-2026-017"}
    )
    editor = page.locator(".graphiql-editor-tool .graphiql-editor").last
    await expect(editor).to_be_visible()
    await editor.click()
    await page.keyboard.press("Control+A")
    await page.keyboard.insert_text(headers)
    await page.locator(".graphiql-execute-button").click()
    await expect(page.locator(".graphiql-response")).to_contain_text("birthDate")
    await expect(page.locator(".graphiql-response")).not_to_contain_text("UNAUTHENTICATED")
    await page.screenshot(path=artefacts / "graphiql-headers.png")
