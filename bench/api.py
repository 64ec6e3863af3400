"""`python -m bench.api --scale N`: GraphQL against its raw-Cypher floor, on a synthetic city.

1. Generate a city of N enterprises (or reuse `--city DIR` from `creditgraph generate`) and import
   it into a throwaway embedded server through the import path.
2. Start the real service (`creditgraph serve`, a child process, NEO4J_URI = that server).
3. For each scenario, time >= `--requests` GraphQL requests over HTTP and, in the same run, the
   raw floor: the best hand-written single statement fetching the same data through the driver.
   (a) the entity card, (b) relatedParties(maxDepth: 3, first: 100), without and with its
   `totalCount` (which makes the search walk every level), (c) searchSubjects for a company's
   name and for "有限公司", (d) a page of 100 enterprises of a region with their role edges,
   (e) that region's count alone, (f) the red-black conflict list, (g) upsertEnterprise
   creating one enterprise, (h) a response of at least 5,000 objects (counted; the run fails
   below that); then `{ __typename }` against a bare Starlette route of the same app, and the
   entity card from 8 concurrent clients (requests/s, errors) against its floor's.
4. Record p50/p95, the GraphQL/floor ratios, and the peak RSS of the API and database processes
   in BENCHMARKS.md (section `graphql`).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import aiohttp
from stdnum.cn.uscc import calc_check_digit as uscc_check_digit

from api.auth import Role, issue_token
from api.settings import Settings
from bench import BENCH_KEY
from bench.city import LOADED, open_city
from bench.report import finish, load_average
from bench.server import BenchServer, _status_kb, throwaway_server
from graph.cypher import Statement, statement
from graph.embedded import free_port
from graph.executor import Executor
from graph.importer import import_files
from graph.model import MODEL
from graph.risk import checks
from graph.subjects import GET_SUBJECTS, SubjectSearch, search_subjects
from seeds.generator import DEFAULT_SEED, generate
from seeds.output import FILES, MANIFEST, Manifest

SAMPLE = statement("bench/api_sample_cards")
FLOOR_CARD = statement("bench/api_floor_entity_card")
FLOOR_RELATED = statement("bench/api_floor_related_parties")
FLOOR_REGION_PAGE = statement("bench/api_floor_region_page")
FLOOR_REGION_COUNT = statement("bench/api_floor_region_count")
FLOOR_CREATE = statement("bench/api_floor_create_enterprise")
FLOOR_WIDE = statement("bench/api_floor_wide")
SAMPLE_REGIONS = statement("bench/api_sample_regions")
AS_OF = date(2026, 11, 1)

CARD = """query($u: String!, $x: ID!) { enterprise(uscc: $u) { name roles(first: 20) {
  edges { role from to node { name ... on Person {
  roles(first: 20, excludeOrganization: $x) { edges { role node { name
  listEntries(first: 10) { edges { node { listType } } } } } } } } } } } }"""
RELATED = """query($id: ID!, $asOf: Date!) { relatedParties(id: $id, maxDepth: 3, asOf: $asOf,
  first: 100) { edges { node { distance subject { id } path { nodes { id } } } } } }"""
RELATED_TOTAL = """query($id: ID!, $asOf: Date!) { relatedParties(id: $id, maxDepth: 3,
  asOf: $asOf, first: 100) { totalCount edges { node { distance subject { id }
  path { nodes { id } } } } } }"""
# The investigator's network view: 100 subjects related to a group company (within 2 hops),
# each organisation with up to 10 role holders (the persons among them with up to 5 of their
# roles), 8 records and 8 list entries, each person with up to 5 of its roles: about 50 objects
# a subject. (`searchSubjects` is no root for it at this scale: its name search scans every
# organisation, see BENCHMARKS.md.)
WIDE = """query($id: ID!, $asOf: Date!) { relatedParties(id: $id, maxDepth: 2, asOf: $asOf,
  first: 100) { edges { node { distance subject { id name
  ... on Organization { uscc region industry
    roles(first: 10) { totalCount edges { role from to node { id name
      ... on Person { roles(first: 5) { edges { role node { id name } } } } } } }
    records(first: 8) { edges { node { id recordType decisionDate } } }
    listEntries(first: 8) { edges { node { id listType status } } } }
  ... on Person { held: roles(first: 5) { edges { role from to node { id name } } } } } } } } }"""
WIDE_MIN_OBJECTS = 5_000
# Name search goes through the name-gram index (docs/adr/0006): timed on a company's own name
# (a handful of matches) and on a text every company name holds.
SEARCH = """query($q: String!) { searchSubjects(query: $q, kind: ENTERPRISE, first: 20) {
  edges { node { id name } } } }"""
BROAD = "有限公司"
TYPENAME = "{ __typename }"
SEARCHES = 10
# A dashboard's page of a region's enterprises (an empty query: all of them, shortest names
# first) with their role edges, and its count alone.
REGION_PAGE = """query($r: String!) { searchSubjects(query: "", kind: ENTERPRISE, region: $r,
  first: 100) { edges { node { id name ... on Organization { uscc industry
  roles(first: 10) { edges { role from to node { id name } } } } } } } }"""
# “有限公司” within a mid-sized region (the 6th to 8th largest): the heads cannot fill the page,
# and the region index leads (docs/adr/0006); the floor is that region-led statement itself.
REGION_BROAD = """query($q: String!, $r: String!) { searchSubjects(query: $q, kind: ENTERPRISE,
  region: $r, first: 20) { edges { node { id name } } } }"""
FLOOR_REGION_BROAD = statement("subject/search_region").specialise(MODEL.allowed, ORG="Enterprise")
REGION_COUNT = """query($r: String!) { searchSubjects(query: "", kind: ENTERPRISE, region: $r,
  first: 1) { totalCount } }"""
CONFLICTS = """query($asOf: Date!) { redBlackConflicts(first: 50, asOf: $asOf) { edges { node {
  subject { id name } redEntries { id listType validUntil }
  blackEntries { id listType validUntil } } } } }"""
CREATE = """mutation($i: EnterpriseInput!) { upsertEnterprise(input: $i) { created
  enterprise { uscc name } } }"""
CLIENTS = 8  # the throughput run's concurrent clients


@dataclass
class Timing:
    name: str
    samples: list[float]

    def pct(self, q: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    @property
    def p50(self) -> float:
        return statistics.median(self.samples) * 1000


async def timed(n: int, call: Callable[[int], Awaitable[Any]]) -> list[float]:
    out = []
    for i in range(n):
        started = time.perf_counter()
        await call(i)
        out.append(time.perf_counter() - started)
    return out


def count_objects(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + sum(count_objects(v) for v in value.values())
    if isinstance(value, list):
        return sum(count_objects(v) for v in value)
    return 0


async def paired(
    n: int,
    name: str,
    call: Callable[[int], Awaitable[Any]],
    floor: Callable[[int], Awaitable[Any]],
) -> tuple[Timing, Timing]:
    """Time `n` GraphQL requests and `n` floor statements, alternating one with the other."""
    ours: list[float] = []
    theirs: list[float] = []
    for i in range(n):
        for fn, out in ((call, ours), (floor, theirs)):
            started = time.perf_counter()
            await fn(i)
            out.append(time.perf_counter() - started)
    return Timing(name, ours), Timing(f"{name} floor", theirs)


def new_enterprise(i: int, tag: str) -> dict[str, Any]:
    """A new enterprise for the create scenario (`tag` keeps GraphQL's and the floor's apart)."""
    body = f"91130100B{tag.upper()}{i:07d}"
    fields = {
        "uscc": body + uscc_check_digit(body),
        "name": f"基准新建{tag}{i}号科技有限公司",
        "region": "130102",
        "industry": "I65",
    }
    return fields


@dataclass
class Throughput:
    requests: int
    seconds: float
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds


async def concurrent(
    calls: int, clients: int, call: Callable[[int, int], Awaitable[bool]]
) -> Throughput:
    """`calls` calls shared by `clients` concurrent workers, each waiting for its answer
    (`call(worker, i)`: the worker's number, then the call's)."""
    queue = iter(range(calls))
    errors = 0

    async def worker(w: int) -> None:
        nonlocal errors
        for i in queue:
            if not await call(w, i):
                errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker(w) for w in range(clients)))
    return Throughput(calls, time.perf_counter() - started, errors)


async def concurrent_cards(url: str, token: str, usccs: list[str], calls: int) -> Throughput:
    """The entity card from CLIENTS clients, each with its own keep-alive connection."""
    sessions = [
        aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=120),
            headers={"authorization": f"Bearer {token}"},
            connector=aiohttp.TCPConnector(limit=1),
        )
        for _ in range(CLIENTS)
    ]

    async def card(worker: int, i: int) -> bool:
        client = sessions[worker]  # one connection per client: no request waits behind another
        u = usccs[i % len(usccs)]
        async with client.post(
            url + "/graphql", json={"query": CARD, "variables": {"u": u, "x": u}}
        ) as resp:
            body = await resp.json()
        return resp.status == 200 and not body.get("errors")

    try:
        await concurrent(CLIENTS * 5, CLIENTS, card)  # warm every connection
        return await concurrent(calls, CLIENTS, card)
    finally:
        for client in sessions:
            await client.close()


async def concurrent_floor(ex: Executor, usccs: list[str], calls: int) -> Throughput:
    async def card(_: int, i: int) -> bool:
        return bool(await ex.read(FLOOR_CARD, uscc=usccs[i % len(usccs)]))

    return await concurrent(calls, CLIENTS, card)


class Api:
    """The real service in a child process, pointed at the throwaway database."""

    def __init__(
        self,
        server: BenchServer,
        password: str,
        extra_env: dict[str, str] | None = None,
        workers: int = 1,
    ) -> None:
        self.port = free_port()
        env = {
            **os.environ,
            "NEO4J_URI": server.info.uri,
            "NEO4J_USERNAME": "root",
            "NEO4J_PASSWORD": password,
            "NEO4J_DATABASE": server.info.database,
            "LOG_LEVEL": "WARNING",
            "APP_ENV": "production",
            **(extra_env or {}),
        }
        # BENCH_SERVICE_LOG=PATH keeps the service's log (with LOG_LEVEL=DEBUG in extra_env:
        # the alert fan-out's rounds), for diagnosis.
        log_path = os.environ.get("BENCH_SERVICE_LOG")
        self._log = open(log_path, "w") if log_path else None  # noqa: SIM115 (closed in stop)
        self.proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "api.cli", "serve", "--port", str(self.port)),
                *(("--workers", str(workers)) if workers > 1 else ()),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self._log or subprocess.DEVNULL,
        )
        self.url = f"http://127.0.0.1:{self.port}"

    async def ready(self, client: aiohttp.ClientSession) -> None:
        for _ in range(1200):  # a large copied database takes a while to open
            if self.proc.poll() is not None:
                raise RuntimeError(f"the API exited ({self.proc.returncode})")
            try:
                async with client.get(self.url + "/readyz") as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.1)
        raise RuntimeError("the API did not become ready")

    def peak_rss_mb(self) -> float:
        return _status_kb(self.proc.pid, "VmHWM") / 1024

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)
        if self._log is not None:
            self._log.close()


async def run(args: argparse.Namespace) -> str:
    if args.city is not None and (args.city / "db" / LOADED).exists():
        built = open_city(args.city)  # a loaded city (`python -m bench.city`): start on a copy
        args.scale = built.generation.manifest.scale
        async with throwaway_server(args.heap, template=built.template) as server:
            args.setup = "a copy of the city built by `python -m bench.city`"
            return await measure(server, args)
    with tempfile.TemporaryDirectory(prefix="creditgraph-bench-api-") as tmp:
        city = args.city or Path(tmp)
        if not (city / MANIFEST).exists():
            print(f"generating {args.scale:,} enterprises into {city}", flush=True)
            generate(city, scale=args.scale, seed=args.seed)
        args.scale = Manifest.load(city / MANIFEST).scale
        async with throwaway_server(args.heap) as server:
            files = [city / f for f in FILES.values() if (city / f).exists()]
            print("importing", flush=True)
            started = time.perf_counter()
            await import_files(server.executor, files, id_key=BENCH_KEY, progress=True)
            seconds = time.perf_counter() - started
            print(f"imported in {seconds:.0f} s", flush=True)
            args.setup = f"imported through the import path in {seconds:,.0f} s"
            return await measure(server, args)


async def measure(server: BenchServer, args: argparse.Namespace) -> str:
    ex: Executor = server.executor
    usccs: list[str] = [str(r["uscc"]) for r in await ex.read(SAMPLE, limit=args.requests)]
    if not usccs:
        raise RuntimeError("no enterprise with a person holding other roles")
    n = args.requests
    password = (Path(server.info.data_dir) / ".root-password").read_text().strip()
    # The service runs with APP_ENV=production, which refuses default secrets: give it its own.
    secrets_env = {
        "AUTH_TOKEN_SECRET": secrets.token_urlsafe(32),
        "CREDITGRAPH_ID_HASH_KEY": secrets.token_urlsafe(48),
    }
    api = Api(server, password, secrets_env)
    # relatedParties is for supervision roles.
    settings = Settings(_env_file=None, AUTH_TOKEN_SECRET=secrets_env["AUTH_TOKEN_SECRET"])
    token = issue_token(settings, Role.INVESTIGATOR, "bench-api")
    writer = {"authorization": f"Bearer {issue_token(settings, Role.OFFICER, 'bench-api')}"}
    try:
        # aiohttp, not httpx: httpx's own cost per request on this machine is ~2 ms (GET /healthz
        # 1.9 ms against 0.5 ms), which would be counted against the API and not the floor.
        async with aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=120),
            headers={"authorization": f"Bearer {token}"},
        ) as client:
            await api.ready(client)

            refused: list[str] = []

            async def gql(
                query: str,
                variables: dict[str, Any],
                limited: bool = False,
                headers: dict[str, str] | None = None,
            ) -> dict[str, Any]:
                async with client.post(
                    api.url + "/graphql",
                    json={"query": query, "variables": variables},
                    headers=headers,
                ) as resp:
                    status = resp.status
                    body: dict[str, Any] = await resp.json()
                codes = {e.get("extensions", {}).get("code") for e in body.get("errors") or []}
                if limited and status == 200 and codes == {"LIMIT_EXCEEDED"}:
                    refused.append(str(variables.get("id")))  # the typed answer to a hub
                    return body
                if status != 200 or body.get("errors"):
                    raise RuntimeError(f"GraphQL failed: {str(body)[:300]}")
                return body

            def officer(query: str, variables: dict[str, Any]) -> Awaitable[dict[str, Any]]:
                return gql(query, variables, headers=writer)

            def pick(i: int) -> str:
                return usccs[i % len(usccs)]

            for i in range(min(20, n)):  # warm both paths (JIT, caches, pools)
                await gql(CARD, {"u": pick(i), "x": pick(i)})
                await ex.read(FLOOR_CARD, uscc=pick(i))
            # GraphQL and its floor alternate request by request, so a change in the machine's
            # load during the run weighs on both alike.
            card, card_floor = await paired(
                n,
                "entity card",
                lambda i: gql(CARD, {"u": pick(i), "x": pick(i)}),
                lambda i: ex.read(FLOOR_CARD, uscc=pick(i)),
            )
            rel_vars = {"asOf": AS_OF.isoformat()}

            async def related_floor_call(i: int) -> Any:
                return await ex.read(FLOOR_RELATED, sid=pick(i), asOf=AS_OF, limit=100)

            for i in range(min(20, n)):
                await gql(RELATED, {"id": pick(i), **rel_vars})
                await related_floor_call(i)
            related, related_floor = await paired(
                n,
                "relatedParties",
                lambda i: gql(RELATED, {"id": pick(i), **rel_vars}),
                related_floor_call,
            )
            related_total, related_total_floor = await paired(
                n,
                "relatedParties with totalCount",
                lambda i: gql(RELATED_TOTAL, {"id": pick(i), **rel_vars}, limited=True),
                related_floor_call,
            )
            names = [str(r["name"]) for r in await ex.read(GET_SUBJECTS, sids=usccs[:SEARCHES])]
            searches = []
            for label, texts in (("a company's name", names), (f"“{BROAD}”", [BROAD])):

                def search(i: int, texts: list[str] = texts) -> Awaitable[Any]:
                    return gql(SEARCH, {"q": texts[i % len(texts)]})

                def search_floor(i: int, texts: list[str] = texts) -> Awaitable[Any]:
                    query = SubjectSearch(texts[i % len(texts)], kind="ENTERPRISE")
                    return search_subjects(ex, query, 0, 21)

                label = f"searchSubjects, {label}"
                searches.append(await paired(SEARCHES, label, search, search_floor))
            mid = [str(r["region"]) for r in await ex.read(SAMPLE_REGIONS, limit=8)][5:]

            def broad_in_region(i: int) -> Awaitable[Any]:
                return gql(REGION_BROAD, {"q": BROAD, "r": mid[i % len(mid)]})

            def broad_in_region_floor(i: int) -> Awaitable[Any]:
                region = mid[i % len(mid)]
                return ex.read(FLOOR_REGION_BROAD, query=BROAD, region=region, skip=0, limit=21)

            label = f"searchSubjects, “{BROAD}” within a region"
            searches.append(await paired(SEARCHES, label, broad_in_region, broad_in_region_floor))
            regions = [str(r["region"]) for r in await ex.read(SAMPLE_REGIONS, limit=3)]
            dashboard = []
            for name, query, floor in (
                ("page of 100 enterprises of a region", REGION_PAGE, FLOOR_REGION_PAGE),
                ("count of a region's enterprises", REGION_COUNT, FLOOR_REGION_COUNT),
            ):

                def ask(i: int, query: str = query) -> Awaitable[Any]:
                    return gql(query, {"r": regions[i % len(regions)]})

                def floor_call(i: int, floor: Statement = floor) -> Awaitable[Any]:
                    return ex.read(floor, region=regions[i % len(regions)])

                for i in range(5):
                    await ask(i)
                    await floor_call(i)
                dashboard.append(await paired(n, name, ask, floor_call))
            conflicts_vars = {"asOf": AS_OF.isoformat()}
            conflicts = (await gql(CONFLICTS, conflicts_vars))["data"]["redBlackConflicts"]
            dashboard.append(
                await paired(
                    n,
                    f"red-black conflict list ({len(conflicts['edges'])} subjects)",
                    lambda i: gql(CONFLICTS, conflicts_vars),
                    lambda i: checks.red_black_conflicts(ex, 0, 51, AS_OF),
                )
            )
            created = await paired(
                n,
                "upsertEnterprise (one create)",
                lambda i: officer(CREATE, {"i": new_enterprise(i, "g")}),
                lambda i: ex.write(FLOOR_CREATE, **new_enterprise(i, "f")),
            )
            dashboard.append(created)
            wide_vars, objects = {}, 0
            for uscc in usccs:  # the first sampled company with a network wide enough
                wide_vars = {"id": uscc, **rel_vars}
                objects = count_objects((await gql(WIDE, wide_vars))["data"])
                if objects >= WIDE_MIN_OBJECTS:
                    break
            else:
                raise RuntimeError(f"no sampled company has a {WIDE_MIN_OBJECTS:,}-object network")
            wide_floor_vars = {"sid": wide_vars["id"], "asOf": AS_OF}
            dashboard.append(
                await paired(
                    max(20, n // 3),
                    "wide response",
                    lambda i: gql(WIDE, wide_vars),
                    lambda i: ex.read(FLOOR_WIDE, **wide_floor_vars),
                )
            )
            throughput = await concurrent_cards(api.url, token, usccs, n * 5)
            floor_throughput = await concurrent_floor(ex, usccs, n * 5)

            async def healthz(_: int) -> Any:
                async with client.get(api.url + "/healthz") as resp:
                    return await resp.read()

            # The fixed cost of the GraphQL stack: the smallest query against a plain Starlette
            # route of the same application (same middleware, no GraphQL), alternating.
            for i in range(20):
                await gql(TYPENAME, {})
                await healthz(i)
            typename, bare = await paired(
                max(500, n), "`{ __typename }`", lambda i: gql(TYPENAME, {}), healthz
            )
            api_rss = api.peak_rss_mb()
    finally:
        api.stop()
    # The same run against `serve --workers 2` (one API process per core).
    pair = Api(server, password, secrets_env, workers=2)
    try:
        async with aiohttp.ClientSession() as client:
            await pair.ready(client)
        pair_throughput = await concurrent_cards(pair.url, token, usccs, n * 5)
    finally:
        pair.stop()
    db_rss = server.peak_rss_mb()
    rows = [
        (card, card_floor),
        (related, related_floor),
        (related_total, related_total_floor),
        *searches,
        *dashboard,
    ]
    lines = [
        f"## GraphQL API against the raw-Cypher floor ({args.scale:,} enterprises)",
        "",
        f"Command: `python -m bench.api {shlex.join(args.argv)}` "
        f"({args.scale:,} enterprises, {args.setup}; {n} requests per scenario, sequential, "
        "one client (aiohttp, one keep-alive connection), "
        "over HTTP to the real service; the floor is one hand-written statement through the "
        "driver, in the same run, alternating with the GraphQL requests). Load average at the "
        f"end: {load_average()}.",
        "",
        "| scenario | GraphQL p50 ms | GraphQL p95 ms | floor p50 ms | floor p95 ms "
        "| p50 ratio | p95 ratio |",
        "|---|---|---|---|---|---|---|",
    ]
    for gq, fl in rows:
        lines.append(
            f"| {gq.name} | {gq.p50:.1f} | {gq.pct(0.95):.1f} | {fl.p50:.1f} | "
            f"{fl.pct(0.95):.1f} | {gq.p50 / fl.p50:.2f} | {gq.pct(0.95) / fl.pct(0.95):.2f} |"
        )
    lines += [
        "",
        f"Entity card from {CLIENTS} concurrent clients (each its own keep-alive connection, "
        f"{throughput.requests} requests): **{throughput.rps:.0f} requests/s**, "
        f"{throughput.errors} errors; with `serve --workers 2` (two API processes): "
        f"**{pair_throughput.rps:.0f} requests/s**, {pair_throughput.errors} errors; its floor "
        f"from {CLIENTS} concurrent driver sessions: {floor_throughput.rps:.0f} statements/s "
        f"({floor_throughput.errors} empty answers).",
    ]
    lines += [
        "",
        f"Fixed cost of the GraphQL stack: `{{ __typename }}` over HTTP p50 {typename.p50:.2f} ms, "
        f"p95 {typename.pct(0.95):.2f} ms; `GET /healthz` (a plain Starlette route of the same "
        f"app and middleware) p50 {bare.p50:.2f} ms, p95 {bare.pct(0.95):.2f} ms; difference at "
        f"p50 {typename.p50 - bare.p50:.2f} ms ({len(typename.samples)} requests each, "
        "alternating).",
    ]
    lines += [
        "",
        "relatedParties without `totalCount` stops at the first level that completes its page of "
        "100; with it, the search walks all three levels (docs/adr/0003)"
        + (
            f"; {len(refused)} of those {n} requests were answered with LIMIT_EXCEEDED (the "
            "network within 3 hops has more than 20,000 subjects: the API refuses to count "
            "it), which is timed as their answer."
            if refused
            else "."
        ),
        "",
        f"searchSubjects ({SEARCHES} requests each, `kind: ENTERPRISE, first: 20`): its floor is "
        "the service's own search (`graph.subjects.search_subjects`) called in-process through "
        "the driver. A company's name walks the subjects holding the query's rarest "
        "two-character gram (docs/adr/0006) and checks `CONTAINS` on them (a few dozen); a text "
        "most names hold (“有限公司”) reads its first page from the gram heads (each gram's "
        "first 200 holders in rank order) instead of sorting every match. “有限公司” within a "
        "region (the 6th to 8th largest, in turn): the heads cannot fill the page, and the "
        "region index leads when the region holds fewer organisations than a third of the "
        "rarest gram's holders; its floor is that region-led statement "
        "(`subject/search_region`).",
        "",
        f"Wide response: {objects:,} JSON objects (`relatedParties(maxDepth: 2, first: 100)` of "
        f"{wide_vars['id']}: each organisation with up to 10 role holders, the persons among "
        "them with up to 5 of their roles, 8 records and 8 list entries; each person with up to "
        "5 roles), against one statement returning the same (cypher/bench/api_floor_wide). "
        "Region page and count: the three regions with the most enterprises, in turn; "
        "red-black conflicts: its floor is the service's own statement "
        "(`graph.risk.checks.red_black_conflicts`) in-process; the create: a new enterprise "
        "each request (officer token: validation, permission, grams, audit event, one "
        "transaction) against a single CREATE.",
        "",
        f"Peak RSS: API process {api_rss:.0f} MiB, database process {db_rss:.0f} MiB.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.api", description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000, help="number of enterprises")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--requests", type=int, default=200, help="requests per scenario")
    parser.add_argument("--heap", default="6g", help="JVM heap of the throwaway server")
    parser.add_argument(
        "--city",
        type=Path,
        help="a city built by `python -m bench.city` (a copy of its database is used), or the "
        "files of `creditgraph generate` (imported)",
    )
    parser.add_argument(
        "--section",
        default="graphql",
        help="BENCHMARKS.md section to write (default graphql; e.g. graphql-20k for a small city)",
    )
    parser.add_argument("--no-report", action="store_true", help="print figures only")
    args = parser.parse_args(argv)
    args.argv = sys.argv[1:] if argv is None else argv
    return finish(asyncio.run(run(args)), args.section, no_report=args.no_report, machine=True)


if __name__ == "__main__":
    sys.exit(main())
