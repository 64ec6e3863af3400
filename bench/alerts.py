"""`python -m bench.alerts --scale N`: alert latency and designation throughput with watches.

1. Generate a city of N enterprises and import it into a throwaway embedded server through the
   import path (untimed setup).
2. Start the real service (`creditgraph serve`, a child process, its alert fan-out on).
3. Floor: `--designations` serious-list designations over HTTP (`designateListEntry`, one client,
   one after the other) with no watch in the database: designations per second.
4. Create `--watches` watches (radius 1–3, lists and flags) on subjects of the city, spread over
   100 investigators, plus one watch (radius 0) per designated enterprise for a probe investigator
   whose `alerts` subscription (graphql-transport-ws) is open.
5. The same number of designations again, on other enterprises: designations per second with the
   watches, and for each, the time from the mutation's answer (its commit) to the delivery of its
   alert on the subscription: p50/p95.
Figures go to BENCHMARKS.md (section `alerts`), the throughput as a ratio to the floor of step 3.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import shlex
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import aiohttp

from api.auth import Role, issue_token
from api.settings import Settings
from bench import BENCH_KEY
from bench.api import Api
from bench.city import open_city
from bench.propagation import _decisions
from bench.report import finish, load_average
from bench.server import BenchServer, throwaway_server
from graph.alerts import watches
from graph.audit import Actor
from graph.cypher import statement
from graph.importer import import_files
from seeds.generator import DEFAULT_SEED, generate
from seeds.output import FILES

SAMPLE = statement("bench/alerts_sample_subjects")
AS_OF = date(2026, 11, 1)
INTERVAL = 0.2  # ALERT_INTERVAL of the service under test
DESIGNATE = """mutation($i: DesignationInput!) { designateListEntry(input: $i) { entry { id } } }"""
SUBSCRIBE = "subscription { alerts { subjectId event watchId } }"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def designate_all(
    client: aiohttp.ClientSession, url: str, token: str, items: list[dict[str, Any]]
) -> tuple[float, dict[str, float]]:
    """Designate one after the other; the rate, and when each answer (its commit) arrived."""
    answered: dict[str, float] = {}
    headers = {"authorization": f"Bearer {token}"}
    started = time.perf_counter()
    for n, item in enumerate(items, 1):
        async with client.post(
            url + "/graphql", json={"query": DESIGNATE, "variables": {"i": item}}, headers=headers
        ) as resp:
            body = await resp.json()
        if "errors" in body:
            raise RuntimeError(f"designation failed: {body['errors']}")
        answered[item["subjectId"]] = time.perf_counter()
        if n % 100 == 0:
            print(f"  {n:,}/{len(items):,} designations", flush=True)
    return len(items) / (time.perf_counter() - started), answered


async def subscribe(
    client: aiohttp.ClientSession, url: str, token: str, want: set[str], got: dict[str, float]
) -> None:
    """Receive the probe's alerts until every designated enterprise has one."""
    ws_url = url.replace("http://", "ws://") + "/graphql"
    async with client.ws_connect(ws_url, protocols=["graphql-transport-ws"]) as ws:
        auth = {"authorization": f"Bearer {token}"}
        await ws.send_json({"type": "connection_init", "payload": auth})
        if (await ws.receive_json())["type"] != "connection_ack":
            raise RuntimeError("the subscription was refused")
        await ws.send_json({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}})
        while want - got.keys():
            msg = await ws.receive_json()
            if msg["type"] == "ping":
                await ws.send_json({"type": "pong"})
            elif msg["type"] == "next":
                alert = msg["payload"]["data"]["alerts"]
                if alert["event"] == "LIST_ENTRY" and alert["subjectId"] in want:
                    got.setdefault(alert["subjectId"], time.perf_counter())
            else:
                raise RuntimeError(f"subscription: {msg}")


async def measure(server: BenchServer, args: argparse.Namespace, files: list[Path]) -> str:
    ex = server.executor
    password = (Path(server.info.data_dir) / ".root-password").read_text().strip()
    n = args.designations
    floor_items = _decisions(files, n, AS_OF, "AF")
    watched_items = _decisions(files, n, AS_OF, "AW", skip=n)
    as_json = [
        [d.model_dump(mode="json", exclude_none=True) for d in part]
        for part in (floor_items, watched_items)
    ]
    secret = secrets.token_urlsafe(32)
    settings = Settings(_env_file=None, AUTH_TOKEN_SECRET=secret)
    officer = issue_token(settings, Role.OFFICER, "bench-officer")
    probe = Actor("bench-probe", "investigator")
    probe_token = issue_token(settings, Role.INVESTIGATOR, probe.id)
    extra = {
        "AUTH_TOKEN_SECRET": secret,
        # The service hashes no ID number here (designations name persons by id).
        "CREDITGRAPH_ID_HASH_KEY": secrets.token_urlsafe(48),
        "ALERT_INTERVAL": str(INTERVAL),
    }
    service = Api(server, password, extra)
    try:
        async with aiohttp.ClientSession() as client:
            await service.ready(client)
            print(f"floor: {n:,} designations, no watches", flush=True)
            floor_rate, _ = await designate_all(client, service.url, officer, as_json[0])
            print(f"creating {args.watches:,} watches", flush=True)
            made = time.perf_counter()
            rows = await ex.read(SAMPLE, skip=0, limit=args.watches)
            for i, row in enumerate(rows):
                owner = Actor(f"bench-inv-{i % 100}", "investigator")
                await watches.watch(
                    ex, owner, row["sid"], radius=1 + i % 3, events=["LIST_ENTRY", "FLAG"]
                )
            for item in as_json[1]:
                await watches.watch(ex, probe, item["subjectId"], radius=0, events=["LIST_ENTRY"])
            watch_seconds = time.perf_counter() - made
            want = {item["subjectId"] for item in as_json[1]}
            got: dict[str, float] = {}
            listener = asyncio.create_task(subscribe(client, service.url, probe_token, want, got))
            # The probe has no alert yet, so its stream starts from the first: a stream that
            # starts late delivers late (the figure shows it), never loses an alert.
            print(f"{n:,} designations with {len(rows) + n:,} watches", flush=True)
            rate, answered = await designate_all(client, service.url, officer, as_json[1])
            async with asyncio.timeout(600):
                await listener
    finally:
        service.stop()
    latency = [(got[s] - answered[s]) * 1000 for s in want]
    lines = [
        f"Command: `python -m bench.alerts {shlex.join(args.argv)}` ({time.strftime('%Y-%m-%d')}, "
        f"load average {load_average()}). City: {args.scale:,} enterprises, {args.setup}; "
        f"the service is `creditgraph serve` in its own process, alert fan-out "
        f"every {INTERVAL} s (ALERT_INTERVAL); one HTTP client designating one after the other.",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| designations/s, no watches (floor) | {floor_rate:.1f} |",
        f"| designations/s, {len(rows) + n:,} watches | {rate:.1f} |",
        f"| throughput with watches / floor | {rate / floor_rate:.2f}× |",
        f"| alert latency, commit → subscription, p50 | {statistics.median(latency):.0f} ms |",
        f"| alert latency, commit → subscription, p95 | {pct(latency, 0.95):.0f} ms |",
        f"| alert latency, max | {max(latency):.0f} ms |",
        f"| alerts measured | {len(latency):,} |",
        f"| creating the watches (setup, in-process) | {watch_seconds:.0f} s |",
    ]
    return "\n".join(lines)


async def run(args: argparse.Namespace) -> str:
    if args.city is not None:
        built = open_city(args.city)  # a loaded city (`python -m bench.city`): start on a copy
        args.scale = built.generation.manifest.scale
        args.setup = "a copy of the city built by `python -m bench.city`"
        async with throwaway_server(args.heap, template=built.template) as server:
            return await measure(server, args, built.generation.files)
    with tempfile.TemporaryDirectory(prefix="creditgraph-bench-alerts-") as tmp:
        city = Path(tmp)
        print(f"generating {args.scale:,} enterprises", flush=True)
        generate(city, scale=args.scale, seed=args.seed)
        async with throwaway_server(args.heap) as server:
            files = [city / f for f in FILES.values() if (city / f).exists()]
            print("importing", flush=True)
            await import_files(server.executor, files, id_key=BENCH_KEY, progress=True)
            args.setup = "imported through the import path"
            return await measure(server, args, files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.alerts", description=__doc__)
    parser.add_argument("--scale", type=int, default=20_000, help="number of enterprises")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--watches", type=int, default=10_000, help="watches on the city")
    parser.add_argument("--designations", type=int, default=1_000, help="per phase")
    parser.add_argument("--heap", default="4g", help="JVM heap of the throwaway server")
    parser.add_argument(
        "--city", type=Path, help="a city built by `python -m bench.city` (a copy is used)"
    )
    parser.add_argument("--no-report", action="store_true", help="print figures only")
    args = parser.parse_args(argv)
    args.argv = sys.argv[1:] if argv is None else argv
    return finish(asyncio.run(run(args)), "alerts", no_report=args.no_report)


if __name__ == "__main__":
    sys.exit(main())
