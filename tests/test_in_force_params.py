"""One in-force definition: the risk schemes and the analysts' Cypher take the list-entry statuses
from graph/rules/in_force.py instead of repeating them (no database needed)."""

from __future__ import annotations

import ast
import re
from datetime import date

import pytest
import yaml
from pydantic import ValidationError

from graph.cypher import REGISTRY, Statement
from graph.risk import analytics
from graph.risk.schemes import SCHEMES, SCHEMES_FILE, Schemes
from graph.rules.in_force import IN_FORCE

SHELL_DEFAULT = re.compile(r"^//\s*:param inForce => (\[.*\]);$", re.MULTILINE)
STATUS_LIST = re.compile(r"\.status\s+IN\s+\[", re.IGNORECASE)
READS_ENTRIES = re.compile(r":ListEntry\b")

CHECKED = [*REGISTRY.area("analytics"), *REGISTRY.area("risk")]


@pytest.mark.parametrize("stmt", CHECKED, ids=lambda s: s.name)
def test_no_risk_or_analytics_file_spells_the_in_force_statuses(stmt: Statement) -> None:
    assert "OBJECTION_PENDING" not in stmt.body
    assert not STATUS_LIST.search(stmt.body), "take the statuses as a parameter"


@pytest.mark.parametrize(
    "stmt",
    [s for s in REGISTRY.area("analytics") if "e.status" in s.body or "b.status" in s.body],
    ids=lambda s: s.name,
)
def test_analytics_files_take_in_force_with_its_documented_default(stmt: Statement) -> None:
    assert READS_ENTRIES.search(stmt.body)
    assert "inForce" in stmt.param_names
    (shown,) = SHELL_DEFAULT.findall(stmt.text)
    assert ast.literal_eval(shown) == list(IN_FORCE), "the header's :param line has drifted"


def test_the_service_fills_in_force_from_the_rules() -> None:
    assert analytics.defaults(date(2026, 6, 30))["inForce"] == list(IN_FORCE)
    values = analytics.parameters("credit_check", {"uscc": "x"}, date(2026, 6, 30))
    assert values["inForce"] == list(IN_FORCE)


def test_the_schemes_no_longer_repeat_the_statuses() -> None:
    assert SCHEMES.hebei.active_list_statuses == list(IN_FORCE)
    raw = yaml.safe_load(SCHEMES_FILE.read_text(encoding="utf-8"))
    assert "active_list_statuses" not in raw["hebei"]
    raw["hebei"]["active_list_statuses"] = ["ACTIVE"]  # a second definition is refused
    with pytest.raises(ValidationError, match="active_list_statuses"):
        Schemes.model_validate(raw)
