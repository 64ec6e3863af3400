"""The synthetic city generator: a deterministic, streaming producer of import-format files.

`generate(out_dir, scale=N)` writes one JSONL file per kind (docs/import-format.md) for a city of
N enterprises plus the other organisation kinds, the persons behind them, their roles over time,
a year of credit records and list entries, the authorities and the measure catalogue, and a
`manifest.json` with the exact node and relationship counts that importing the files produces.

Why it looks the way it does:
* Determinism: one `random.Random(seed)` drives every choice in a fixed order, and dates are
  relative to `as_of`, never today. Same arguments, byte-identical files.
* Memory: rows are written as they are made; per organisation only a few packed columns are
  kept (`seeds.state`), so a million enterprises fit in a few hundred megabytes.
* Exact counts: every row creates exactly one node or relationship (role keys never repeat and
  identifiers are bijections of indices), so the manifest is a running count, not an estimate.

Stages: authorities and measures (here), organisations, persons and roles (`seeds.population`),
records and list entries (`seeds.history`).
"""

from __future__ import annotations

import time
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from seeds import history, population
from seeds.city import (
    AUTHORITY_DOMAINS,
    CITY,
    CITY_CODE,
    DISTRICTS,
    PARK_CODE,
    PARK_NAME,
    PROVINCE_CODE,
    TOWNSHIPS,
)
from seeds.measures import MEASURES
from seeds.output import FILES, Manifest, Output
from seeds.state import CityState, Progress

DEFAULT_SEED = 20261101
DEFAULT_AS_OF = date(2026, 11, 1)
MAX_SCALE = 1_000_000
NATIONAL_CODE = "100000"


@dataclass
class GenerationResult:
    manifest: Manifest
    files: list[Path]  # in import order: nodes first, then the files that hold edges
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.manifest.total_rows / self.seconds if self.seconds else 0.0


PARTICIPATES_IN = ("SERIOUS_DISHONESTY",)


def authority_rows() -> tuple[list[dict[str, Any]], dict[tuple[str, str], str]]:
    """National → provincial → municipal → district bodies per domain, a park and townships, as
    import rows (parents first), and which body decides per (domain, region code). The same rows
    are the reference authorities `creditgraph migrate` loads (graph/migrate.py)."""
    rows: list[dict[str, Any]] = []
    deciding: dict[tuple[str, str], str] = {}

    def write(
        aid: str, name: str, level: str, domain: str, region: str, parent: str | None
    ) -> None:
        row: dict[str, Any] = {
            "kind": "authority",
            "authorityId": aid,
            "name": name,
            "level": level,
            "domain": domain,
            "region": region,
        }
        if parent:
            row["parentId"] = parent
        if level == "CITY":
            # [Not in seeds] Which departments take part in joint punishment is each region's
            # arrangement: here the municipal bodies, as members of the credit leading group
            # (001 item 8), receive every serious-list entry for feedback (P20).
            row["participatesIn"] = list(PARTICIPATES_IN)
        rows.append(row)

    for d in AUTHORITY_DOMAINS:
        national = province = None
        if d.national:
            national = f"{NATIONAL_CODE}-{d.domain}"
            write(national, d.national, "NATIONAL", d.domain, NATIONAL_CODE, None)
        if d.province:
            province = f"{PROVINCE_CODE}-{d.domain}"
            write(province, d.province, "PROVINCE", d.domain, PROVINCE_CODE, national)
        city = f"{CITY_CODE}-{d.domain}"
        write(city, d.city, "CITY", d.domain, CITY_CODE, province)
        deciding[(d.domain, CITY_CODE)] = city
        for dist in DISTRICTS:
            aid = city  # no district body: the municipal one decides
            if d.district:
                aid = f"{dist.code}-{d.domain}"
                place = dist.name if dist.rural else CITY + dist.name
                if d.district == "分局":
                    name = f"{d.city}{dist.name}分局"
                else:
                    name = f"{d.district_prefix}{place}{d.district}"
                write(aid, name, "COUNTY", d.domain, dist.code, city)
            deciding[(d.domain, dist.code)] = aid
    write(f"{PARK_CODE}-PARK", PARK_NAME, "PARK", "CREDIT", PARK_CODE, f"{CITY_CODE}-CREDIT")
    for k, (code, name) in enumerate(TOWNSHIPS, 1):
        dist = next(d for d in DISTRICTS if d.code == code)
        place = dist.name if dist.rural else CITY + dist.name
        write(f"{code}-T{k:02d}", place + name, "TOWNSHIP", "URBAN", code, f"{code}-URBAN")
    return rows, deciding


def authorities(s: CityState) -> None:
    rows, deciding = authority_rows()
    for row in rows:
        if "parentId" in row:
            s.m.relationships["PARENT_AUTHORITY"] += 1
        s.out.write("authority", row)
        s.m.nodes["Authority"] += 1
    s.authorities.update(deciding)


def measures(s: CityState) -> None:
    for measure in MEASURES:
        s.out.write("measure", measure.row())
        s.m.nodes["Measure"] += 1


def generate(
    out_dir: Path,
    *,
    scale: int,
    seed: int = DEFAULT_SEED,
    as_of: date = DEFAULT_AS_OF,
    progress: Progress | None = None,
) -> GenerationResult:
    """Write the city's JSONL files and `manifest.json` into `out_dir` (created if needed)."""
    if not 1 <= scale <= MAX_SCALE:
        raise ValueError(f"scale must be between 1 and {MAX_SCALE:,}")
    started = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(scale=scale, seed=seed, as_of=as_of.isoformat())
    with ExitStack() as stack:
        out = Output(out_dir, stack, manifest)
        s = CityState(out, scale=scale, seed=seed, as_of=as_of, progress=progress)
        authorities(s)
        measures(s)
        population.enterprises(s)
        population.other_organisations(s)
        population.memberships(s)
        history.records(s)
        history.lists(s)
        manifest.facts["persons"] = s.persons
        manifest.facts["organizations"] = s.total_orgs
        manifest.facts["maxEquityDepth"] = max(s.depth)
    manifest.write(out_dir)
    return GenerationResult(
        manifest=manifest,
        files=[out_dir / FILES[k] for k in FILES],
        seconds=time.perf_counter() - started,
    )
