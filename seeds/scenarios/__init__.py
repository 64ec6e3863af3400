"""Small named scenario graphs for tests and the demo, in the import format.

A scenario is `seeds/scenarios/<name>.jsonl`, loaded through the importer exactly as a feed
would be, so a scenario that loads proves its rows are valid input. `measures` is the exception:
the catalogue lives as typed data in `seeds.measures` and is streamed from there. Members and the
expected answers of each scenario are written down in `seeds/scenarios/README.md`; tests rely on
those exact identifiers.
"""

from __future__ import annotations

from pathlib import Path

from graph.executor import Executor

SCENARIO_DIR = Path(__file__).resolve().parent
MEASURES = "measures"

_DESCRIPTIONS: dict[str, str] = {
    "core": "the README's demo enterprise 91110000600037341L (北京示范科技有限公司), its legal "
    "representative 张伟, a subsidiary, a sister company listed as a judgment defaulter, a branch",
    "sanctions": "sanction propagation: listed enterprises with current, former and later legal "
    "representatives, a controller, a director, a shareholder, a debt-responsible person, a "
    "court judgment-defaulter entry and a principal-only individual business",
    "ownership": "equity: A 60% B, B 50% C, A 100% D, D 20% C (A looks through to 50% of C), "
    "and a cross-holding X<->Y with an outside owner O",
    MEASURES: "the measure catalogue (DOMAIN.md §5.2-§5.4), two measures deliberately unpublished",
    "network": "related-party traversal: five enterprises, four persons, one former legal "
    "representative, an unconnected company",
    "grading_hebei": "Hebei A/B/C/D grading: one enterprise per class boundary (0, 5, 6 general "
    "records, serious penalties, licence revocations, simple procedure, old and repaired records)",
    "propagation": "propagation rules on Harbin subjects: legal-representative history, a "
    "principal-only company, an SOE and a government organ with arrears",
    "risk_clusters": "risk clusters: two dishonest clusters, a director-only link, a clean "
    "cluster, an isolated and a historical dishonest company",
    "risk_linked": "linked-risk indicators: shared legal representative, controller, "
    "shareholdings at several depths, a small stake, a dishonest natural person, a "
    "state-asset administration controlling two companies",
    "risk_ownership": "ownership penetration through a six-level holding chain",
    "huizhou": "Huizhou: two associations with their members (one left in 2020), enterprises "
    "with current and former legal representatives, three departments taking part in joint "
    "punishment and one that does not (P6, P18, P20)",
    "state_bodies": "state organ, state-owned enterprise, public institution and a private "
    "company with their heads, three employees and a bank with its managers (P4, P5, P17)",
}


class ScenarioError(RuntimeError):
    """A scenario is unknown or did not load cleanly."""


def scenario_names() -> list[str]:
    """Every scenario: the JSONL files in this folder plus the measure catalogue."""
    return sorted({p.stem for p in SCENARIO_DIR.glob("*.jsonl")} | {MEASURES})


SCENARIOS: dict[str, str] = {
    name: _DESCRIPTIONS.get(name, "(see seeds/scenarios/README.md)") for name in scenario_names()
}


def scenario_path(name: str) -> Path:
    path = SCENARIO_DIR / f"{name}.jsonl"
    if name == MEASURES or not path.is_file():
        raise ScenarioError(f"no scenario file named {name!r}; known: {', '.join(SCENARIOS)}")
    return path


async def load_scenario(executor: Executor, name: str, id_key: bytes) -> None:
    """Import one scenario into the graph (idempotent); raise if any of its rows is rejected."""
    from graph.importer import import_rows
    from seeds.measures import measure_rows
    from seeds.output import read_rows

    if name == MEASURES:
        rows = [(MEASURES, line, row) for line, row in enumerate(measure_rows(), 1)]
    elif name in SCENARIOS:
        rows = list(read_rows([scenario_path(name)]))
    else:
        raise ScenarioError(f"unknown scenario {name!r}; known: {', '.join(SCENARIOS)}")
    summary = await import_rows(executor, rows, id_key=id_key, progress=False)
    if summary.rejected:
        raise ScenarioError(f"scenario {name!r}: {summary.rejected} rows were rejected")
