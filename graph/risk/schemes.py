"""Grading schemes and risk rules, loaded once from `schemes.yaml` and checked against the model.

Every record type, penalty kind, list type and role the rules name must exist in
`graph/model/domain.yaml`, so a typo fails at import rather than silently grading everyone A.
Which list-entry statuses are in force is not a scheme's to say: `graph.rules.in_force` defines
it once for propagation, readers, counts and these schemes alike.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from graph.model import MODEL, DomainModel
from graph.rules.in_force import IN_FORCE

SCHEMES_FILE = Path(__file__).with_name("schemes.yaml")

Grade = Literal["A", "B", "C", "D"]
GRADES: tuple[Grade, ...] = ("A", "B", "C", "D")
# The class a counted record or entry falls in (HEB §3(1)); REVOKED means business licence revoked.
RecordClass = Literal["POSITIVE", "GENERAL", "SERIOUS", "REVOKED"]
# What a counted item counts as: a record's class, or an entry on a serious list in force.
CountedClass = Literal["POSITIVE", "GENERAL", "SERIOUS", "REVOKED", "SERIOUS_LIST"]
LINK_ROLES = ("LEGAL_REPRESENTATIVE_OF", "PRINCIPAL_OF", "ACTUAL_CONTROLLER_OF")
CLUSTER_ROLES = (*LINK_ROLES, "SHAREHOLDER_OF")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Treatment(Strict):
    zh: str
    tier: Literal["LOW_RISK", "NORMAL", "HIGH_RISK"]
    spot_checks: Literal["LOWER", "NORMAL", "RAISED", "STRICT"]
    spot_check_share: float | None = Field(default=None, ge=0, le=1)
    measures: str
    source: str


class HebeiScheme(Strict):
    id: str
    zh: str
    source: str
    window_years: int = Field(ge=1)
    max_general_for_b: int = Field(ge=0)
    graded_kinds: list[str]
    counted_record_statuses: list[str]
    excluded_procedures: list[str]
    excluded_severities: list[str]
    general_list_types: list[str]
    revoked_statuses: list[str]
    treatments: dict[Grade, Treatment]

    @property
    def active_list_statuses(self) -> list[str]:
        """Statuses under which an entry counts (HEB §4(3) "且未移出"): the in-force statuses."""
        return list(IN_FORCE)


class Band(Strict):
    band: str
    zh: str
    min: int | None


class PointsScheme(Strict):
    id: str
    zh: str
    source: str
    base: int
    incentive_cap: int = Field(ge=0)
    constraint_cap: int = Field(ge=0)
    bands: list[Band]
    deltas: dict[CountedClass, int]
    configurable: bool

    @model_validator(mode="after")
    def _bands_descend(self) -> PointsScheme:
        cuts = [b.min for b in self.bands]
        if not cuts or cuts[-1] is not None or None in cuts[:-1]:
            raise ValueError("bands: every band but the last needs `min`; the last has none")
        numbers = [c for c in cuts if c is not None]
        if numbers != sorted(numbers, reverse=True):
            raise ValueError("bands must be listed from the highest `min` down")
        return self

    def band(self, score: int) -> str:
        for b in self.bands:
            if b.min is None or score >= b.min:
                return b.band
        raise AssertionError("the last band has no minimum")  # pragma: no cover


class LinkedRiskRule(Strict):
    rule_id: str
    indicator_type: str
    rationale: str
    source: str
    shared_roles: list[str]
    excluded_holder_kinds: list[str]
    source_grades: list[Grade]
    weights: dict[Literal["SHARED_ROLE", "OWNERSHIP", "CONTROL"], float]
    decay: float = Field(gt=0, le=1)
    min_score: float = Field(ge=0, le=1)
    min_share: float = Field(gt=0, le=1)
    max_chain_hops: int = Field(ge=1, le=4)
    max_evidence_paths: int = Field(ge=1)
    configurable: bool


class ClusterRule(Strict):
    roles: list[str]
    listed_types: list[str]
    min_size: int = Field(ge=1)
    min_share: float = Field(ge=0, le=1)
    excluded_kinds: list[str]
    max_rounds: int = Field(ge=1)
    max_members: int = Field(ge=1)
    configurable: bool


class CrossLists(Strict):
    red: list[str]
    black: list[str]


class OwnershipRule(Strict):
    max_depth: int = Field(ge=1, le=50)
    max_nodes: int = Field(ge=1)
    tolerance: float = Field(gt=0)
    max_iterations: int = Field(ge=1)
    control_ratio: float = Field(ge=0, lt=1)
    chains_per_owner: int = Field(ge=0)
    chain_expansions: int = Field(ge=1)


class Schemes(Strict):
    hebei: HebeiScheme
    points: PointsScheme
    linked_risk: LinkedRiskRule
    clusters: ClusterRule
    cross_lists: CrossLists
    ownership: OwnershipRule

    def check_against(self, model: DomainModel) -> Schemes:
        """Raise `ValueError` naming the first rule that mentions something the model lacks."""

        def require(kind: str, names: list[str], known: Collection[str]) -> None:
            missing = [n for n in names if n not in known]
            if missing:
                raise ValueError(f"schemes.yaml: unknown {kind} {missing}")

        h = self.hebei
        require("organisation kind", h.graded_kinds, model.organization_kinds)
        require("record status", h.counted_record_statuses, model.record_statuses)
        require("procedure", h.excluded_procedures, model.procedures)
        require("severity", h.excluded_severities, model.severities)
        require("list type", h.general_list_types, model.list_types)
        require("organisation status", h.revoked_statuses, model.organization_statuses)
        if set(h.treatments) != set(GRADES):
            raise ValueError("schemes.yaml: hebei.treatments needs exactly A, B, C and D")
        require("linked-risk role", self.linked_risk.shared_roles, LINK_ROLES)
        require("role", self.linked_risk.shared_roles, model.roles)
        require(
            "organisation kind", self.linked_risk.excluded_holder_kinds, model.organization_kinds
        )
        require("cluster role", self.clusters.roles, CLUSTER_ROLES)
        require("list type", self.clusters.listed_types, model.list_types)
        require("organisation kind", self.clusters.excluded_kinds, model.organization_kinds)
        require("list type", self.cross_lists.red + self.cross_lists.black, model.list_types)
        return self

    # -- derived from the model -------------------------------------------------------------
    @property
    def scored_record_types(self) -> tuple[str, ...]:
        """Record types whose nature can move a grade or a score (the neutral ones cannot)."""
        return tuple(name for name, rt in MODEL.record_types.items() if rt.nature != "NEUTRAL")

    @property
    def serious_list_types(self) -> tuple[str, ...]:
        return MODEL.serious_list_types


def load_schemes(path: Path = SCHEMES_FILE, model: DomainModel = MODEL) -> Schemes:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Schemes.model_validate(raw).check_against(model)


SCHEMES = load_schemes()
