"""The analysts' Cypher files (`cypher/analytics/`): the catalogue and their default parameters.

Each file runs as-is in Neo4j Browser or cypher-shell (its header lists `:param` lines); here
they are run by `creditgraph analytics query NAME`, with every parameter the model or the schemes
define filled in from the same declared data the services use, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from graph.cypher import Statement, statement
from graph.errors import BadUserInput
from graph.executor import Executor, Record
from graph.model import MODEL
from graph.risk.grading import window_start
from graph.risk.schemes import SCHEMES
from graph.rules.in_force import IN_FORCE

QUERIES: dict[str, Statement] = {
    "linked_risk_shared_roles": statement("analytics/linked_risk_shared_roles"),
    "linked_risk_chains": statement("analytics/linked_risk_chains"),
    "linked_risk_indicators": statement("analytics/linked_risk_indicators"),
    "ownership_beneficial_owners": statement("analytics/ownership_beneficial_owners"),
    "ownership_control_chain": statement("analytics/ownership_control_chain"),
    "risk_clusters": statement("analytics/risk_clusters"),
    "cluster_members": statement("analytics/cluster_members"),
    "risk_components": statement("analytics/risk_components"),
    "hebei_grades": statement("analytics/hebei_grades"),
    "grade_distribution": statement("analytics/grade_distribution"),
    "red_black_conflicts": statement("analytics/red_black_conflicts"),
    "credit_check": statement("analytics/credit_check"),
}


def defaults(as_of: date) -> dict[str, Any]:
    """Every parameter the declared model and schemes define, for the day `as_of`."""
    hebei, natures = SCHEMES.hebei, MODEL.record_types
    return {
        "asOf": as_of,
        "periodEnd": as_of,
        "windowStart": window_start(as_of),
        "seriousLists": list(MODEL.serious_list_types),
        "generalLists": hebei.general_list_types,
        "generalTypes": [n for n, t in natures.items() if t.nature == "NEGATIVE_GENERAL"],
        "seriousTypes": [n for n, t in natures.items() if t.nature == "NEGATIVE_SERIOUS"],
        "seriousKinds": [n for n, k in MODEL.penalty_kinds.items() if k.hebei == "SERIOUS"],
        "revokedKinds": [n for n, k in MODEL.penalty_kinds.items() if k.hebei == "REVOKED"],
        "countedStatuses": hebei.counted_record_statuses,
        "inForce": list(IN_FORCE),
        "kinds": hebei.graded_kinds,
        "maxGeneral": hebei.max_general_for_b,
        "minShare": SCHEMES.linked_risk.min_share,
        "excludedHolderKinds": SCHEMES.linked_risk.excluded_holder_kinds,
        "excludedKinds": SCHEMES.clusters.excluded_kinds,
        "controlRatio": SCHEMES.ownership.control_ratio,
        "threshold": 0.25,
        "minListed": 1,
        "hops": 2,
        "limit": 100,
        "red": SCHEMES.cross_lists.red,
        "black": SCHEMES.cross_lists.black,
        "groupBy": "REGION",
    }


def parameters(name: str, given: Mapping[str, Any], as_of: date) -> dict[str, Any]:
    """The statement's parameters: given ones first, then the defaults; missing ones refused."""
    stmt = QUERIES.get(name)
    if stmt is None:
        raise BadUserInput(f"no analytics query {name!r}; known: {', '.join(sorted(QUERIES))}")
    unknown = set(given) - stmt.param_names
    if unknown:
        raise BadUserInput(f"{name} takes no parameter {sorted(unknown)}")
    base = defaults(as_of)
    params = {p: given[p] if p in given else base.get(p) for p in stmt.param_names}
    missing = sorted(p for p, v in params.items() if v is None)
    if missing:
        raise BadUserInput(f"{name} needs {', '.join('--param ' + m + '=…' for m in missing)}")
    return params


async def run_query(
    executor: Executor, name: str, given: Mapping[str, Any], as_of: date | None = None
) -> list[Record]:
    params = parameters(name, given, as_of or date.today())
    return await executor.read(QUERIES[name], **params)
