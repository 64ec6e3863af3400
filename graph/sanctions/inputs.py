"""Validated inputs of the sanction services (designation, objection, repair, revocation).

The GraphQL mutations build these through `graph.inputs.validated`, so a bad input becomes one
BAD_USER_INPUT naming the field. Rules that depend on the list type (what a written decision
must state, 002 HLJ Art.28) come from graph/rules/lifecycle.yaml, not from code.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from pydantic import Field, field_validator, model_validator

from graph.errors import BadUserInput
from graph.identifiers import normalize_uscc
from graph.inputs import InputModel
from graph.model import MODEL
from graph.propagation.plan import digest
from graph.rules import LIFECYCLE

Text = Field(default=None, max_length=2000)


def subject_sid(value: str) -> str:
    """A subject's public id: an organisation's USCC (validated, upper case) or a person id."""
    value = value.strip()
    if len(value) == 18:
        try:
            return normalize_uscc(value)
        except BadUserInput as exc:
            raise ValueError(exc.message) from None
    if len(value) == 17 and value[0] in "Pp":
        return value.upper()
    raise ValueError(f"{value!r} is neither a USCC nor a person id")


class DesignationIn(InputModel):
    """A written designation decision (002 HLJ Art.28): who, which list, by whom, why, how long,
    how to get off it and how to challenge it."""

    entryId: str | None = Field(default=None, min_length=3, max_length=64)
    listType: str
    subjectId: str
    authorityId: str = Field(min_length=1, max_length=64)
    decisionNo: str = Field(min_length=1, max_length=100)
    decisionDate: date
    reason: str | None = Text
    legalBasis: str | None = Text
    validFrom: date | None = None
    validUntil: date | None = None
    removalConditions: str | None = Text
    remedies: str | None = Text
    debtResponsibleIds: tuple[str, ...] = ()

    @field_validator("listType")
    @classmethod
    def _list_type(cls, value: str) -> str:
        if value not in MODEL.list_types:
            raise ValueError(f"unknown list type {value!r}")
        return value

    @field_validator("subjectId")
    @classmethod
    def _subject(cls, value: str) -> str:
        return subject_sid(value)

    @field_validator("debtResponsibleIds")
    @classmethod
    def _persons(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        sids = tuple(dict.fromkeys(subject_sid(v) for v in value))
        if any(not s.startswith("P") for s in sids):
            raise ValueError("debt-responsible persons are natural persons (person ids)")
        return sids

    @property
    def valid_from(self) -> date:
        """First day the listing counts: the given day, else the decision date."""
        return self.validFrom or self.decisionDate

    @property
    def valid_until(self) -> date | None:
        """Last day the listing counts: the given day, else the list's default period if one is
        configured (none is: fixed periods are [Not in seeds])."""
        days = LIFECYCLE.lists[self.listType].default_period_days
        if self.validUntil is None and days is not None:
            return self.valid_from + timedelta(days=days)
        return self.validUntil

    @model_validator(mode="after")
    def _decision(self) -> DesignationIn:
        policy = LIFECYCLE.lists[self.listType]
        values = {"validUntil": self.valid_until, "validFrom": self.valid_from}
        for name in policy.requires:
            if values.get(name, getattr(self, name)) in (None, ""):
                raise ValueError(
                    f"{name} is required: a {self.listType} decision must state it "
                    f"({policy.source})"
                )
        if self.valid_until is not None and self.valid_until < self.valid_from:
            raise ValueError("validUntil is before validFrom")
        if self.subjectId in self.debtResponsibleIds:
            raise ValueError("the listed subject cannot be its own debt-responsible person")
        return self

    @property
    def entry_id(self) -> str:
        """The given id, or one derived from the decision (same decision, same id)."""
        if self.entryId:
            return self.entryId
        key = digest(self.authorityId, self.decisionNo, self.subjectId, self.listType)
        return "LE" + key[:20].upper()

    def row(self) -> dict[str, object]:
        return {
            "entryId": self.entry_id,
            "listType": self.listType,
            "subjectSid": self.subjectId,
            "authorityId": self.authorityId,
            "decisionNo": self.decisionNo,
            "decisionDate": self.decisionDate,
            "reason": self.reason,
            "legalBasis": self.legalBasis,
            "validFrom": self.valid_from,
            "validUntil": self.valid_until,
            "removalConditions": self.removalConditions,
            "remedies": self.remedies,
            "responsibles": list(self.debtResponsibleIds),
        }


class ObjectionIn(InputModel):
    entryId: str = Field(min_length=1, max_length=64)
    grounds: str
    statement: str = Field(min_length=1, max_length=4000)
    filedAt: date | None = None

    @field_validator("grounds")
    @classmethod
    def _grounds(cls, value: str) -> str:
        if value not in LIFECYCLE.objections.grounds:
            raise ValueError(f"grounds must be one of {', '.join(LIFECYCLE.objections.grounds)}")
        return value


class ObjectionDecisionIn(InputModel):
    objectionId: str = Field(min_length=1, max_length=64)
    decision: Literal["UPHELD", "REJECTED"]
    reasons: str | None = Text
    decidedAt: date | None = None

    @model_validator(mode="after")
    def _reasons(self) -> ObjectionDecisionIn:
        if self.decision == "REJECTED" and not self.reasons:
            raise ValueError("reasons are required when an objection is rejected (002 HLJ Art.35)")
        return self


class RepairIn(InputModel):
    entryId: str = Field(min_length=1, max_length=64)
    methods: tuple[str, ...] = Field(min_length=1)
    filedAt: date | None = None
    completedAt: date | None = None
    note: str | None = Text

    @field_validator("methods")
    @classmethod
    def _methods(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [m for m in value if m not in LIFECYCLE.repair.methods]
        if unknown:
            raise ValueError(f"unknown repair methods {unknown}")
        return tuple(dict.fromkeys(value))


class RevocationIn(InputModel):
    entryId: str = Field(min_length=1, max_length=64)
    reason: str = Field(min_length=1, max_length=2000)
    revokedAt: date | None = None
