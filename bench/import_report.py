"""The import benchmark's section of BENCHMARKS.md, rendered from a result."""

from __future__ import annotations

from datetime import UTC, datetime

from bench.importing import ImportBenchResult, Phase
from bench.report import load_average


def _row(label: str, imp: Phase, floor: Phase | None) -> str:
    ratio = f"{imp.seconds / floor.seconds:.2f}×" if floor and floor.seconds else "—"
    floor_cells = f"{floor.seconds:.1f} | {floor.rate:,.0f}" if floor else "— | —"
    import_cells = f"{imp.rows:,} | {imp.seconds:.1f} | {imp.rate:,.0f}"
    return f"| {label} | {import_cells} | {floor_cells} | {ratio} |"


def render(result: ImportBenchResult, command: str) -> str:
    """Markdown for the `import` section: command, figures per kind, checks."""
    gen = result.generation
    m = gen.manifest
    floors = {p.name: p for p in result.floors}
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"## Import ({result.scale:,} enterprises)",
        "",
        f"Command: `{command}` (or `make bench SCALE={result.scale}`), run {now}; "
        f"batch {result.batch_size:,} rows, server heap {result.heap}, load average at the end "
        f"{load_average()}.",
        "",
        f"Generated city (seed {result.seed}, as of {m.as_of}): {m.total_rows:,} rows → "
        f"{m.total_nodes:,} nodes ({m.nodes['Subject']:,} subjects: "
        f"{m.nodes['Organization']:,} organisations, {m.nodes['Person']:,} persons) and "
        f"{m.total_relationships:,} relationships; generation took {gen.seconds:.1f} s "
        f"({gen.rows_per_second:,.0f} rows/s).",
        "",
        "Import = `graph.importer.import_files`, one file at a time (validation, hashing, change "
        "detection, writes). Floor = the same rows, already validated and hashed, written on a "
        "fresh server by `UNWIND $rows`, a key lookup and a `CREATE` with every property inline "
        "(`cypher/bench/insert_*.cypher`; a literal `MERGE … SET n += props` is no floor on "
        "ArcadeDB, see `bench/floor.py`); only the database calls are timed.",
        "",
        "| kind | rows | import s | import rows/s | floor s | floor rows/s | import/floor |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [_row(p.name, p, floors.get(p.name)) for p in result.imports]
    lines.append(_row("**total**", result.import_total, result.floor_total))
    lines += [
        "",
        "CPU seconds per kind (2 cores shared by the database and the client; the floor's "
        "client time includes its untimed conversion):",
        "",
        "| kind | import: database | import: client | floor: database | floor: client |",
        "|---|---:|---:|---:|---:|",
    ]
    for p in result.imports:
        f = floors.get(p.name)
        floor_cpu = f"{f.db_cpu:.1f} | {f.client_cpu:.1f}" if f else "— | —"
        lines.append(f"| {p.name} | {p.db_cpu:.1f} | {p.client_cpu:.1f} | {floor_cpu} |")
    indexed = [p for p in result.imports if p.index_seconds]
    if indexed:
        shares = ", ".join(
            f"{p.name} {p.index_seconds:.1f} s ({p.index_seconds / p.seconds:.0%})" for p in indexed
        )
        lines += [
            "",
            "Name-gram index (docs/adr/0006; the floor writes none): its statements "
            f"(`search/*`, in the import's batch transactions) took {shares} of the import. "
            + (
                f"`creditgraph search rebuild` afterwards (nothing stale; {result.rebuild.rows:,} "
                f"grams recounted, their heads recomputed): {result.rebuild.seconds:.1f} s."
                if result.rebuild is not None
                else ""
            ),
        ]
    lines += [
        "",
        f"Peak RSS of the database process (VmHWM): import {result.import_rss_mb:,.0f} MiB, "
        f"floor {result.floor_rss_mb:,.0f} MiB.",
        "",
        "Checks:",
        f"- rows rejected: {result.rejected}",
        "- node and relationship counts after the import equal the manifest: "
        + ("yes" if not result.count_differences else "; ".join(result.count_differences)),
    ]
    if result.reimport is not None:
        lines.append(
            f"- importing every file again: {result.reimport.seconds:.1f} s "
            f"({result.reimport.rate:,.0f} rows/s), created {result.reimport_created}, counts "
            + (
                "unchanged"
                if not result.reimport_differences
                else "; ".join(result.reimport_differences)
            )
        )
    lines.append(
        "- the floor wrote the same graph (counts equal the manifest): "
        + ("yes" if not result.floor_differences else "; ".join(result.floor_differences))
    )
    return "\n".join(lines)
