"""`python -m bench.load`: the service under sustained concurrent load, on a synthetic city.

1. Generate a city of `--scale` enterprises (or reuse `--city DIR` from `creditgraph generate`)
   and import it into a throwaway embedded server through the import path, as `bench.api` does.
2. Start the real service (`creditgraph serve`: uvicorn, one process) as a child process, so its
   resident memory can be read from /proc.
3. `--clients` concurrent clients (asyncio + httpx over loopback; each sends its next request
   when the previous one is answered) run for `--warmup` + `--duration` seconds a mix of entity
   cards, `relatedParties`, `searchSubjects` and `designateListEntry` (officer token; every
   decision is valid and new: a distinct enterprise, a fresh entry id, a real authority).
4. Errors: any non-2xx answer, any GraphQL `errors` entry, any transport failure or client
   timeout, warm-up included. Latencies and throughput cover the measured window only.
5. API RSS: before the first request, after the warm-up ("start") and at the end; growth is end
   over start, and over the second half of the window. The warm-up (120 s by default) lets the
   process reach its working set (connection pools, allocator arenas at peak concurrency: with a
   30 s warm-up the RSS still climbed for 90 s, then stayed flat). Every acknowledged
   designation must be in the graph afterwards.
6. Linked-risk refresh: the requests the designations left pending when the clients stop, and
   how long the API's worker takes to serve them.
7. The figures go to the `load` section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import shlex
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

from api.auth import Role, issue_token
from api.settings import Settings
from bench import BENCH_KEY
from bench.api import CARD, RELATED
from bench.report import BENCHMARKS, load_average, machine_section, replace_section
from bench.server import BenchServer, _status_kb, cpu_seconds, throwaway_server
from graph.embedded import free_port
from graph.importer import import_files
from graph.risk.refresh import backlog
from graph.sanctions import lifecycle
from seeds.generator import DEFAULT_SEED, MAX_SCALE, generate
from seeds.output import FILES, MANIFEST, Manifest, read_rows

SECTION = "load"

SEARCH = """query($q: String!) { searchSubjects(query: $q, kind: ENTERPRISE, first: 20) {
  totalCount edges { node { id name ... on Organization { uscc region industry } } } } }"""
DESIGNATE = """mutation($i: DesignationInput!) { designateListEntry(input: $i) {
  entry { id listType status validUntil } derivedEntries { id }
  flags { id flagType ruleId subject { id } } } }"""

# Operation: (share of requests in percent, what it is).
MIX: dict[str, tuple[int, str]] = {
    "entity card": (45, "`enterprise(uscc)` with roles, the persons' other roles and entries"),
    "relatedParties": (20, "`relatedParties(maxDepth: 3, first: 100)`"),
    "searchSubjects": (30, "`searchSubjects(kind: ENTERPRISE, first: 20)` on a name fragment"),
    "designation": (5, "`designateListEntry`: a new serious-list decision, propagated"),
}


class Service:
    """The real service (`creditgraph serve`) in a child process on the throwaway database.

    Its log goes to a file (printed when something fails); tokens are signed with a secret made
    for this run.
    """

    def __init__(self, server: BenchServer, log: Path) -> None:
        self.port = free_port()
        self.secret = secrets.token_urlsafe(32)
        password = (Path(server.info.data_dir) / ".root-password").read_text().strip()
        env = {
            **os.environ,
            "NEO4J_URI": server.info.uri,
            "NEO4J_USERNAME": "root",
            "NEO4J_PASSWORD": password,
            "NEO4J_DATABASE": server.info.database,
            "AUTH_TOKEN_SECRET": self.secret,
            "CREDITGRAPH_ID_HASH_KEY": BENCH_KEY.decode(),
            "LOG_LEVEL": "WARNING",
            "APP_ENV": "production",
        }
        self.log = log
        with log.open("ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "api.cli", "serve", "--port", str(self.port)],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        self.url = f"http://127.0.0.1:{self.port}"

    def token(self, role: Role, subject: str) -> str:
        settings = Settings(_env_file=None, AUTH_TOKEN_SECRET=self.secret)
        return issue_token(settings, role, subject, ttl_seconds=24 * 3600)

    async def ready(self, client: httpx.AsyncClient) -> None:
        for _ in range(600):
            if self.proc.poll() is not None:
                break
            try:
                if (await client.get(self.url + "/readyz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
        raise RuntimeError(f"the API did not become ready; see {self.log}")

    def rss_mb(self) -> float:
        return _status_kb(self.proc.pid, "VmRSS") / 1024

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


@dataclass
class City:
    as_of: date
    usccs: list[str]
    names: list[str]
    authorities: list[str]
    rows: int


def read_city(city: Path) -> City:
    """The enterprises and authorities a workload can name, from the generated files."""
    manifest = Manifest.load(city / MANIFEST)
    usccs: list[str] = []
    names: list[str] = []
    authorities: list[str] = []
    files = [city / f for f in FILES.values() if (city / f).exists()]
    for _, _, row in read_rows(files):
        if row["kind"] == "organization" and row.get("orgKind", "ENTERPRISE") == "ENTERPRISE":
            usccs.append(row["uscc"])
            names.append(row["name"])
        elif row["kind"] == "authority":
            authorities.append(row["authorityId"])
    return City(
        as_of=date.fromisoformat(manifest.as_of),
        usccs=usccs,
        names=names,
        authorities=authorities,
        rows=manifest.total_rows,
    )


@dataclass
class OpStats:
    name: str
    latencies: list[float] = field(default_factory=list)  # measured window only, seconds
    requests: int = 0  # warm-up included
    errors: int = 0  # warm-up included
    samples: list[str] = field(default_factory=list)
    slowest: list[tuple[float, str, bool]] = field(default_factory=list)  # (s, what, ok)

    def note(self, elapsed: float, what: str, ok: bool) -> None:
        """Keep the three slowest requests, with what they asked for."""
        self.slowest = sorted([*self.slowest, (elapsed, what, ok)], reverse=True)[:3]

    def pct(self, q: float) -> float:
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


class Workload:
    """Draws the next request: an operation by its share, and valid variables for it."""

    def __init__(self, city: City, seed: int, service: Service) -> None:
        self.rng = random.Random(seed)
        self.city = city
        self.investigator = {
            "Authorization": f"Bearer {service.token(Role.INVESTIGATOR, 'bench-load')}",
            "X-Purpose": "load benchmark",
        }
        self.officer = {"Authorization": f"Bearer {service.token(Role.OFFICER, 'bench-load')}"}
        self.run_id = secrets.token_hex(3).upper()
        pool = list(city.usccs)
        self.rng.shuffle(pool)
        self.designable = pool  # popped: each designation names an enterprise not used before
        self.designated: list[str] = []  # entry ids the service acknowledged
        self.issued = 0
        today = min(city.as_of, date.today())
        self.decided = today - timedelta(days=30)
        self.ops = list(MIX)
        self.weights = [MIX[o][0] for o in self.ops]

    def next(self) -> tuple[str, str, dict[str, Any], dict[str, str]]:
        op = self.rng.choices(self.ops, self.weights)[0]
        uscc = self.rng.choice(self.city.usccs)
        if op == "entity card":
            return op, CARD, {"u": uscc, "x": uscc}, {}
        if op == "relatedParties":
            variables = {"id": uscc, "asOf": self.city.as_of.isoformat()}
            return op, RELATED, variables, self.investigator
        if op == "searchSubjects":
            name = self.rng.choice(self.city.names)
            start = self.rng.randrange(max(1, len(name) - 4))
            return op, SEARCH, {"q": name[start : start + 2]}, {}
        return op, DESIGNATE, {"i": self.decision()}, self.officer

    def decision(self) -> dict[str, Any]:
        if not self.designable:
            raise RuntimeError("every enterprise of the city is designated; run shorter")
        self.issued += 1
        n = self.issued
        return {
            "entryId": f"LOAD-{self.run_id}-{n:06d}",
            "listType": "SERIOUS_DISHONESTY",
            "subjectId": self.designable.pop(),
            "authorityId": self.city.authorities[n % len(self.city.authorities)],
            "decisionNo": f"负载〔{self.decided.year}〕{n}号",
            "decisionDate": self.decided.isoformat(),
            "reason": "负载测试：恶意拖欠货款，情节严重",
            "legalBasis": "《黑龙江省社会信用条例》第二十九条",
            "validUntil": (self.decided + timedelta(days=3 * 365)).isoformat(),
            "removalConditions": "履行义务并完成信用修复",
            "remedies": "可依法申请行政复议或者提起行政诉讼",
        }


@dataclass
class Run:
    stats: dict[str, OpStats]
    measure_from: float
    stop_at: float
    rss_cold: float = 0.0
    rss_start: float = 0.0
    rss_end: float = 0.0
    rss_samples: list[tuple[float, float]] = field(default_factory=list)
    refresh_pending: int = 0
    refresh_drain: float | None = None
    cpu: dict[str, float] = field(default_factory=dict)  # process → CPU s in the window
    measured_seconds: float = 0.0
    load_before: str = ""
    load_after: str = ""

    @property
    def errors(self) -> int:
        return sum(s.errors for s in self.stats.values())

    @property
    def measured_requests(self) -> int:
        return sum(len(s.latencies) for s in self.stats.values())


def _error_text(response: httpx.Response | None, body: Any, exc: BaseException | None) -> str:
    if exc is not None:
        return f"{type(exc).__name__}: {exc}"[:300]
    assert response is not None
    return f"HTTP {response.status_code}: {str(body)[:300]}"


async def client_loop(client: httpx.AsyncClient, url: str, workload: Workload, run: Run) -> None:
    while (now := time.monotonic()) < run.stop_at:
        op, query, variables, headers = workload.next()
        stats = run.stats[op]
        stats.requests += 1
        started = time.monotonic()
        response: httpx.Response | None = None
        body: Any = None
        failure: BaseException | None = None
        try:
            response = await client.post(
                url, json={"query": query, "variables": variables}, headers=headers
            )
            body = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            failure = exc
        elapsed = time.monotonic() - started
        ok = (
            failure is None
            and response is not None
            and response.is_success
            and isinstance(body, dict)
            and not body.get("errors")
        )
        if not ok:
            stats.errors += 1
            if len(stats.samples) < 5:
                stats.samples.append(_error_text(response, body, failure))
        elif op == "designation":
            workload.designated.append(variables["i"]["entryId"])
        if ok and now >= run.measure_from:
            stats.latencies.append(elapsed)
        stats.note(elapsed, _target(variables), ok)


def _target(variables: dict[str, Any]) -> str:
    """What a request was about: the enterprise, the person, or the search text."""
    if "i" in variables:
        return str(variables["i"]["subjectId"])
    return str(variables.get("u") or variables.get("id") or variables.get("q"))


async def monitor(
    api: Service, db_pid: int, run: Run, started: float, interval: float
) -> dict[str, float]:
    """Print progress and sample the API's RSS every `interval` seconds and when the measured
    window opens; return the CPU seconds the API and the database had used at that moment."""
    cpu: dict[str, float] = {}
    last_count, last_at, next_report = 0, started, started + interval
    while (now := time.monotonic()) < run.stop_at:
        wake = min(next_report, run.stop_at, run.measure_from if not cpu else run.stop_at)
        await asyncio.sleep(max(0.0, wake - now))
        now = time.monotonic()
        rss = api.rss_mb()
        if not cpu and now >= run.measure_from:
            run.rss_start = rss
            cpu = {"API": cpu_seconds(api.proc.pid), "database": cpu_seconds(db_pid)}
        if now < next_report and now < run.stop_at:
            continue
        next_report += interval
        run.rss_samples.append((now - started, rss))
        done = sum(s.requests for s in run.stats.values())
        rate = (done - last_count) / max(1e-9, now - last_at)
        last_count, last_at = done, now
        phase = "measuring" if now >= run.measure_from else "warm-up"
        print(
            f"[{now - started:5.0f} s {phase}] {done:,} requests ({rate:.1f}/s), "
            f"errors {run.errors}, API RSS {rss:.0f} MiB, load {load_average()}",
            flush=True,
        )
    return cpu


async def refresh_catch_up(server: BenchServer, limit: float = 600.0) -> tuple[int, float | None]:
    """Linked-risk refresh requests pending when the clients stop, and how long the API's worker
    then takes to serve them all (None: not within `limit` seconds)."""
    pending = (await backlog(server.executor)).pending
    started = time.monotonic()
    while (left := (await backlog(server.executor)).pending) and time.monotonic() - started < limit:
        print(f"linked-risk refresh: {left} requests pending", flush=True)
        await asyncio.sleep(5)
    return pending, None if left else time.monotonic() - started


async def drive(server: BenchServer, city: City, args: argparse.Namespace) -> Run:
    api = Service(server, args.log)
    print(f"API log: {args.log}", flush=True)
    workload = Workload(city, args.seed, api)
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    try:
        async with httpx.AsyncClient(limits=limits, timeout=args.timeout) as client:
            await api.ready(client)
            started = time.monotonic()
            run = Run(
                stats={op: OpStats(op) for op in MIX},
                measure_from=started + args.warmup,
                stop_at=started + args.warmup + args.duration,
                rss_cold=api.rss_mb(),
                load_before=load_average(),
            )
            print(
                f"{args.clients} clients for {args.warmup:g} s warm-up + {args.duration:g} s; "
                f"API RSS {run.rss_cold:.0f} MiB before the first request",
                flush=True,
            )
            url = api.url + "/graphql"
            db_pid = server.info.pid
            watcher = asyncio.create_task(monitor(api, db_pid, run, started, args.progress))
            await asyncio.gather(
                *(client_loop(client, url, workload, run) for _ in range(args.clients))
            )
            run.measured_seconds = time.monotonic() - run.measure_from
            at_start = await watcher
            at_end = {"API": cpu_seconds(api.proc.pid), "database": cpu_seconds(db_pid)}
            run.cpu = {k: at_end[k] - at_start.get(k, at_end[k]) for k in at_end}
            run.rss_end = api.rss_mb()
            if not run.rss_start:
                run.rss_start = run.rss_cold
            run.load_after = load_average()
            run.refresh_pending, run.refresh_drain = await refresh_catch_up(server)
    finally:
        api.stop()
    if run.errors:
        tail = args.log.read_text(errors="replace").splitlines()[-60:]
        print("\n".join(["API log (last lines):", *tail]), flush=True)
    stored = await lifecycle.entries(server.executor, workload.designated)
    run.stats["designation"].samples.append(
        f"check: {len(stored):,} of {len(workload.designated):,} acknowledged designations "
        "are in the graph"
    )
    if len(stored) != len(workload.designated):
        run.stats["designation"].errors += len(workload.designated) - len(stored)
    return run


def render(run: Run, city: City, args: argparse.Namespace, setup: float) -> str:
    growth = (run.rss_end - run.rss_start) / run.rss_start * 100 if run.rss_start else 0.0
    window = [r for t, r in run.rss_samples if t >= args.warmup] + [run.rss_start, run.rss_end]
    halfway = next(
        (r for t, r in run.rss_samples if t >= args.warmup + args.duration / 2), run.rss_end
    )
    late = (run.rss_end - halfway) / halfway * 100 if halfway else 0.0
    seconds = run.measured_seconds or 1.0
    total = run.measured_requests
    lines = [
        f"## Load ({args.clients} clients, {args.duration:g} s, {args.scale:,} enterprises)",
        "",
        f"Command: `python -m bench.load {shlex.join(args.argv)}`. The city ({city.rows:,} rows) "
        f"was imported through the import path into a throwaway server (heap {args.heap}) in "
        f"{setup:.0f} s; the API is `creditgraph serve` (uvicorn, one process) in a child "
        "process with its default settings; the clients (asyncio + httpx, one process) talk to "
        "it over loopback HTTP, each sending its next request when the previous one is "
        f"answered. A {args.warmup:g} s warm-up at the same load precedes the measured window; "
        "its errors count, its latencies do not. Load average (1/5/15 min) before "
        f"{run.load_before}, after {run.load_after} (the database, the API and the clients "
        "share the machine's cores).",
        "",
        "| operation | share | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for op, stats in run.stats.items():
        lines.append(
            f"| {op} | {MIX[op][0]} % | {len(stats.latencies):,} | "
            f"{len(stats.latencies) / seconds:.1f} | {stats.pct(0.50):.0f} | "
            f"{stats.pct(0.95):.0f} | {stats.pct(0.99):.0f} | {stats.errors} |"
        )
    every = sorted(x for s in run.stats.values() for x in s.latencies)
    overall = OpStats("all", every)
    lines.append(
        f"| **all** | 100 % | {total:,} | {total / seconds:.1f} | {overall.pct(0.50):.0f} | "
        f"{overall.pct(0.95):.0f} | {overall.pct(0.99):.0f} | {run.errors} |"
    )
    lines += [
        "",
        "Operations: "
        + "; ".join(f"{op}: {what}" for op, (_, what) in MIX.items())
        + ". Error: any non-2xx answer, GraphQL error, transport failure or client timeout "
        f"({args.timeout:g} s).",
        "",
        f"Errors: {run.errors} in {sum(s.requests for s in run.stats.values()):,} requests "
        "(warm-up included).",
        "",
        f"API RSS: {run.rss_cold:.0f} MiB before the first request, {run.rss_start:.0f} MiB "
        f"after the warm-up, {run.rss_end:.0f} MiB at the end: growth {growth:+.1f} % "
        f"(end over after-warm-up); over the second half of the window {late:+.1f} %. Sampled "
        f"every {args.progress:g} s in the measured window: min {min(window):.0f}, max "
        f"{max(window):.0f} MiB.",
        "",
        "CPU used in the measured window: "
        + ", ".join(f"{k} {v:,.0f} s ({v / seconds:.2f} cores)" for k, v in run.cpu.items())
        + ".",
    ]
    lines += [
        "",
        "Slowest requests (what they were about): "
        + "; ".join(
            f"{op}: "
            + ", ".join(f"{what} {t:.1f} s{'' if ok else ' (error)'}" for t, what, ok in s.slowest)
            for op, s in run.stats.items()
        )
        + ".",
    ]
    drained = (
        f"the worker served them {run.refresh_drain:.0f} s later"
        if run.refresh_drain is not None
        else "the worker had not served them 600 s later"
    )
    lines += [
        "",
        "Linked-risk refresh (designations ask for it; the API's worker serves it after the "
        f"commit, graph/risk/refresh.py): {run.refresh_pending:,} requests pending when the "
        f"clients stopped; {drained}.",
    ]
    notes = [s for stats in run.stats.values() for s in stats.samples]
    if notes:
        lines += ["", "Notes and first errors:", *[f"- {n}" for n in notes]]
    return "\n".join(lines)


async def run_bench(args: argparse.Namespace) -> str:
    with tempfile.TemporaryDirectory(prefix="creditgraph-bench-load-") as tmp:
        city_dir = args.city or Path(tmp)
        if not (city_dir / MANIFEST).exists():
            print(f"generating {args.scale:,} enterprises into {city_dir}", flush=True)
            generate(city_dir, scale=args.scale, seed=args.seed)
        city = read_city(city_dir)
        args.log = args.log or Path(tmp) / "api.log"
        args.scale = len(city.usccs) if args.city else args.scale
        async with throwaway_server(args.heap) as server:
            files = [city_dir / f for f in FILES.values() if (city_dir / f).exists()]
            print("importing", flush=True)
            started = time.perf_counter()
            await import_files(server.executor, files, id_key=BENCH_KEY, progress=True)
            setup = time.perf_counter() - started
            print(f"imported in {setup:.0f} s", flush=True)
            run = await drive(server, city, args)
            section = render(run, city, args, setup)
            server_rss = server.peak_rss_mb()
    return section + f"\n\nPeak RSS of the database process: {server_rss:,.0f} MiB."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--scale", type=int, default=20_000, help="number of enterprises")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients")
    parser.add_argument("--duration", type=float, default=300.0, help="measured seconds")
    parser.add_argument(
        "--warmup", type=float, default=120.0, help="seconds at full load before measuring"
    )
    parser.add_argument("--timeout", type=float, default=120.0, help="client timeout, seconds")
    parser.add_argument("--progress", type=float, default=10.0, help="seconds between reports")
    parser.add_argument("--heap", default="4g", help="JVM heap of the throwaway server")
    parser.add_argument("--city", type=Path, help="reuse a city from `creditgraph generate`")
    parser.add_argument("--no-report", action="store_true", help="print figures only")
    parser.add_argument(
        "--log", type=Path, help="API log file (default: a new file in the temp directory)"
    )
    args = parser.parse_args(argv)
    if not 1 <= args.scale <= MAX_SCALE:
        parser.error(f"--scale must be 1 to {MAX_SCALE:,}")
    args.argv = sys.argv[1:] if argv is None else argv
    section = asyncio.run(run_bench(args))
    print(section)
    if not args.no_report:
        replace_section("machine", machine_section(), BENCHMARKS)
        replace_section(SECTION, section, BENCHMARKS)
        print(f"\nwrote the machine and {SECTION} sections of {BENCHMARKS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
