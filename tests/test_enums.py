"""The GraphQL enums are the model's vocabularies, value for value."""

from __future__ import annotations

from enum import Enum

import pytest

from graph.model import MODEL
from resolvers import enums


@pytest.mark.parametrize(
    ("enum", "values"),
    [
        (enums.RoleType, list(MODEL.roles)),
        (enums.OrgKind, list(MODEL.organization_kinds)),
        (enums.SubjectKind, [*MODEL.organization_kinds, "NATURAL_PERSON"]),
        (enums.RecordType, list(MODEL.record_types)),
        (enums.RecordStatus, MODEL.record_statuses),
        (enums.PenaltyKind, list(MODEL.penalty_kinds)),
        (enums.ListType, list(MODEL.list_types)),
        (enums.ListStatus, [*MODEL.list_statuses, "EXPIRED"]),
    ],
)
def test_enum_matches_model(enum: type[Enum], values: list[str]) -> None:
    assert [m.value for m in enum] == values
