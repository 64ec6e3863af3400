"""Pydantic models for everything that is written to the graph.

The import command and the GraphQL mutations validate through these same models, so a row that a
feed may not load cannot be written through the API either, and vice versa.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from graph.errors import BadUserInput
from graph.identifiers import normalize_uscc


class InputModel(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class EnterpriseIn(InputModel):
    uscc: str
    name: str = Field(min_length=1, max_length=200)
    region: str | None = Field(default=None, max_length=40)
    industry: str | None = Field(default=None, max_length=40)
    isSOE: bool | None = None

    @field_validator("uscc")
    @classmethod
    def _uscc(cls, value: str) -> str:
        return normalize_uscc(value)


M = TypeVar("M", bound="InputModel")


def validated(model: type[M], data: dict[str, Any]) -> M:
    """Build `model` from `data`, turning pydantic's errors into one `BadUserInput`."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or None
        reason = first["msg"].removeprefix("Value error, ")
        raise BadUserInput(f"{field}: {reason}" if field else reason, field=field) from None
