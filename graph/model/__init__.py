"""The domain model, loaded once from `domain.yaml` and validated at import.

Everything that names a label, relationship type or enum value derives it from here: the
generated constraints (`creditgraph export-schema`), the whitelists that Cypher templates accept,
and the input validators. An unknown role in a feed is unknown because it is not in this file.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

MODEL_FILE = Path(__file__).with_name("domain.yaml")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OrgKind(Strict):
    label: str
    zh: str
    source: str


class NodeKind(Strict):
    key: str | None = None  # the public key, when the node kind has one
    unique: list[str] = []
    index: list[list[str]] = []


class Role(Strict):
    zh: str
    holders: list[Literal["Person", "Organization"]]
    sanction_reach: bool = False
    properties: list[str] = []
    note: str | None = None
    source: str


class RecordType(Strict):
    label: str
    zh: str
    nature: Literal["POSITIVE", "NEUTRAL", "NEGATIVE_GENERAL", "NEGATIVE_SERIOUS"]
    double_publicity: bool = False
    derived: bool = False
    source: str


class PenaltyKind(Strict):
    zh: str
    hebei: Literal["GENERAL", "SERIOUS", "REVOKED"]


class ListType(Strict):
    zh: str
    polarity: Literal["NEGATIVE", "POSITIVE"]
    serious: bool
    source: str


class PersonalData(Strict):
    source: str
    public: list[str]
    protected: list[str]


class ReadableRelationship(Strict):
    from_: list[str] = Field(alias="from")
    to: list[str]
    properties: list[str] = []


class Readable(Strict):
    """What analysts may read beyond the keys and indexes (`graphModel`, docs/graph-model.md)."""

    node_properties: dict[str, list[str]] = {}
    relationships: dict[str, ReadableRelationship] = {}


class DomainModel(Strict):
    organization_kinds: dict[str, OrgKind]
    organization_statuses: list[str]
    nodes: dict[str, NodeKind]
    personal_data: PersonalData
    roles: dict[str, Role]
    employment_positions: list[str]
    financial_industries: list[str]
    record_types: dict[str, RecordType]
    record_statuses: list[str]
    procedures: list[str]
    severities: list[str]
    arrears_kinds: list[str]
    commitment_statuses: list[str]
    penalty_kinds: dict[str, PenaltyKind]
    list_types: dict[str, ListType]
    list_statuses: list[str]
    removal_reasons: list[str]
    authority_levels: list[str]
    measure_kinds: list[str]
    measure_categories: list[str]
    readable: Readable = Readable()

    @model_validator(mode="after")
    def _identifiers_are_safe(self) -> DomainModel:
        """Labels and types end up in Cypher text: allow only plain identifiers."""
        names = [k.label for k in self.organization_kinds.values()]
        names += [r.label for r in self.record_types.values()]
        names += list(self.roles) + list(self.nodes)
        for name in names:
            if not name.replace("_", "").isalnum() or not name[0].isalpha():
                raise ValueError(f"{name!r} is not a plain identifier")
        return self

    @cached_property
    def allowed(self) -> dict[str, tuple[str, ...]]:
        """Whitelists for `Statement.specialise`, by template kind."""
        return {
            "relationship": tuple(self.roles),
            "orgLabel": tuple(k.label for k in self.organization_kinds.values()),
            # A search within a region: one kind's label, or every organisation's.
            "regionLabel": (*(k.label for k in self.organization_kinds.values()), "Organization"),
            "recordLabel": tuple(r.label for r in self.record_types.values()),
        }

    def org_label(self, kind: str) -> str:
        return self.organization_kinds[kind].label

    def record_label(self, record_type: str) -> str:
        return self.record_types[record_type].label

    @property
    def protected_properties(self) -> frozenset[str]:
        """Person properties only personal-data roles may read (DOMAIN.md §8.5)."""
        return frozenset(self.personal_data.protected)

    @property
    def sanction_roles(self) -> tuple[str, ...]:
        return tuple(name for name, role in self.roles.items() if role.sanction_reach)

    @property
    def serious_list_types(self) -> tuple[str, ...]:
        return tuple(name for name, lt in self.list_types.items() if lt.serious)


def load_model(path: Path = MODEL_FILE) -> DomainModel:
    return DomainModel.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


MODEL = load_model()
ROLE_TYPES: tuple[str, ...] = tuple(MODEL.roles)
