"""GraphQL enums for the model's vocabularies.

They are written out (so type checkers and readers see them) and must equal
`graph/model/domain.yaml`: `tests/test_enums.py` fails when one drifts from the model. The
descriptions of their values (Chinese term, source) are generated from the model at import.
"""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.model import MODEL


@strawberry.enum(description="Role relationship types (holder → organisation).")
class RoleType(Enum):
    LEGAL_REPRESENTATIVE_OF = "LEGAL_REPRESENTATIVE_OF"
    PRINCIPAL_OF = "PRINCIPAL_OF"
    ACTUAL_CONTROLLER_OF = "ACTUAL_CONTROLLER_OF"
    DIRECTOR_OF = "DIRECTOR_OF"
    SUPERVISOR_OF = "SUPERVISOR_OF"
    SENIOR_MANAGER_OF = "SENIOR_MANAGER_OF"
    SHAREHOLDER_OF = "SHAREHOLDER_OF"
    BRANCH_OF = "BRANCH_OF"
    EMPLOYED_BY = "EMPLOYED_BY"
    MEMBER_OF = "MEMBER_OF"


@strawberry.enum(description="Kinds of organisation (credit subjects identified by USCC).")
class OrgKind(Enum):
    ENTERPRISE = "ENTERPRISE"
    INDIVIDUAL_BUSINESS = "INDIVIDUAL_BUSINESS"
    SOCIAL_ORG = "SOCIAL_ORG"
    PUBLIC_INSTITUTION = "PUBLIC_INSTITUTION"
    GOV_ORGAN = "GOV_ORGAN"
    FARMER_COOP = "FARMER_COOP"


@strawberry.enum(description="Kinds of credit subject: the organisation kinds and natural persons.")
class SubjectKind(Enum):
    ENTERPRISE = "ENTERPRISE"
    INDIVIDUAL_BUSINESS = "INDIVIDUAL_BUSINESS"
    SOCIAL_ORG = "SOCIAL_ORG"
    PUBLIC_INSTITUTION = "PUBLIC_INSTITUTION"
    GOV_ORGAN = "GOV_ORGAN"
    FARMER_COOP = "FARMER_COOP"
    NATURAL_PERSON = "NATURAL_PERSON"


@strawberry.enum(description="Credit record types (docs/domain.md §3.2).")
class RecordType(Enum):
    ADMIN_LICENSE = "ADMIN_LICENSE"
    ADMIN_PENALTY = "ADMIN_PENALTY"
    ADMIN_ACTION = "ADMIN_ACTION"
    JUDICIAL = "JUDICIAL"
    ARREARS = "ARREARS"
    CONTRACT_BREACH = "CONTRACT_BREACH"
    COMMITMENT = "COMMITMENT"
    HONOR = "HONOR"
    INTERVIEW = "INTERVIEW"
    PERSON_DISHONESTY = "PERSON_DISHONESTY"


@strawberry.enum(description="Record lifecycle states (docs/domain.md §3.5).")
class RecordStatus(Enum):
    COLLECTED = "COLLECTED"
    PUBLISHED = "PUBLISHED"
    OBJECTION_MARKED = "OBJECTION_MARKED"
    CORRECTED = "CORRECTED"
    REVOKED = "REVOKED"
    REPAIRED = "REPAIRED"
    EXPIRED = "EXPIRED"
    ARCHIVED = "ARCHIVED"


@strawberry.enum(description="Administrative penalty kinds; several imply Hebei class C or D.")
class PenaltyKind(Enum):
    WARNING = "WARNING"
    FINE = "FINE"
    CONFISCATION = "CONFISCATION"
    LICENCE_SUSPENSION = "LICENCE_SUSPENSION"
    QUALIFICATION_DOWNGRADE = "QUALIFICATION_DOWNGRADE"
    LICENCE_REVOCATION = "LICENCE_REVOCATION"
    BUSINESS_RESTRICTION = "BUSINESS_RESTRICTION"
    PRODUCTION_SUSPENSION = "PRODUCTION_SUSPENSION"
    ORDER_TO_CLOSE = "ORDER_TO_CLOSE"
    PRACTICE_BAN = "PRACTICE_BAN"
    BUSINESS_LICENCE_REVOCATION = "BUSINESS_LICENCE_REVOCATION"


@strawberry.enum(description="Lists (名单) a subject can be entered on (docs/domain.md §3.3).")
class ListType(Enum):
    SERIOUS_DISHONESTY = "SERIOUS_DISHONESTY"
    JUDGMENT_DEFAULTER = "JUDGMENT_DEFAULTER"
    KEY_ATTENTION = "KEY_ATTENTION"
    BUSINESS_ANOMALY = "BUSINESS_ANOMALY"
    RED_LIST = "RED_LIST"
    NEGATIVE_LIST = "NEGATIVE_LIST"


@strawberry.enum(description="List entry states; EXPIRED is reported once the period has ended.")
class ListStatus(Enum):
    PROPOSED = "PROPOSED"
    ACTIVE = "ACTIVE"
    OBJECTION_PENDING = "OBJECTION_PENDING"
    REMOVED = "REMOVED"
    ARCHIVED = "ARCHIVED"
    EXPIRED = "EXPIRED"


@strawberry.enum(description="Kind of identity document behind a person's ID number (HLJ Art.19).")
class IdType(Enum):
    CITIZEN_ID = "CITIZEN_ID"
    OTHER_VALID_ID = "OTHER_VALID_ID"


@strawberry.enum(description="Position held under EMPLOYED_BY (accounting staff, public staff).")
class EmploymentPosition(Enum):
    ACCOUNTANT = "ACCOUNTANT"
    CHIEF_ACCOUNTANT = "CHIEF_ACCOUNTANT"
    CASHIER = "CASHIER"
    PUBLIC_STAFF = "PUBLIC_STAFF"
    STAFF = "STAFF"


@strawberry.enum(description="Severity of the act a record describes (docs/domain.md §11(a)).")
class Severity(Enum):
    MINOR_EXEMPT = "MINOR_EXEMPT"
    GENERAL = "GENERAL"
    SERIOUS = "SERIOUS"


@strawberry.enum(
    description="Procedure of an administrative penalty; SIMPLE ones are excluded (P15)."
)
class Procedure(Enum):
    SIMPLE = "SIMPLE"
    GENERAL = "GENERAL"


@strawberry.enum(description="What an ARREARS record is in arrears of (HLJ Art.18(7); HEB §3(1)).")
class ArrearsKind(Enum):
    TAX = "TAX"
    SOCIAL_INSURANCE = "SOCIAL_INSURANCE"
    HOUSING_FUND = "HOUSING_FUND"
    UTILITIES = "UTILITIES"
    SME_PAYMENT = "SME_PAYMENT"
    MIGRANT_WAGES = "MIGRANT_WAGES"


@strawberry.enum(
    description="State of a credit commitment (信用承诺, docs/domain.md §3.4); VIOLATED or FALSE "
    "starts P7 (key supervision, no further commitments: 004 item 2; 002 HLJ Art.45)."
)
class CommitmentStatus(Enum):
    SUBMITTED = "SUBMITTED"
    PUBLISHED = "PUBLISHED"
    UNDER_VERIFICATION = "UNDER_VERIFICATION"
    FULFILLED = "FULFILLED"
    VIOLATED = "VIOLATED"
    FALSE = "FALSE"


# -- value descriptions, generated from the model ----------------------------------------------
_STATUS_DOCS = {
    "COLLECTED": "Collected, not yet published.",
    "PUBLISHED": "Published (公示).",
    "OBJECTION_MARKED": "Marked as under objection (异议标注, HLJ Art.39).",
    "CORRECTED": "Corrected after an objection or a changed legal document.",
    "REVOKED": "Revoked: the basis no longer stands.",
    "REPAIRED": "Credit repaired: publication stopped (HLJ Art.40).",
    "EXPIRED": "Publication period over; never published again (HLJ Art.37).",
    "ARCHIVED": "Kept in the archive only (档案保存).",
    "PROPOSED": "Proposed: prior notice of basis, result and appeal deadline (CX §5).",
    "ACTIVE": "In force and pushed to the participating departments. As a filter, ACTIVE also "
    "selects entries under objection, which stay in force until decided (HLJ Art.35, 39).",
    "OBJECTION_PENDING": "An objection against the entry is being handled; the entry stays in "
    "force until the objection is decided.",
    "REMOVED": "Removed: objection upheld, repaired, period expired or basis revoked.",
}


def _role_doc(name: str) -> str:
    role = MODEL.roles[name]
    holders = " or ".join(role.holders)
    reach = " Sanctions reach its holder." if role.sanction_reach else ""
    note = f" {role.note}" if role.note else ""
    return f"{role.zh}; held by {holders}.{reach}{note} Source: {role.source}."


def _value_docs() -> dict[type[Enum], dict[str, str]]:
    kinds = {k: f"{v.zh}. Source: {v.source}." for k, v in MODEL.organization_kinds.items()}
    return {
        RoleType: {name: _role_doc(name) for name in MODEL.roles},
        OrgKind: kinds,
        SubjectKind: {**kinds, "NATURAL_PERSON": "自然人: a natural person."},
        RecordType: {
            k: f"{v.zh}; nature {v.nature}{'; derived by rules' if v.derived else ''}. "
            f"Source: {v.source}."
            for k, v in MODEL.record_types.items()
        },
        RecordStatus: _STATUS_DOCS,
        PenaltyKind: {k: f"{v.zh}; Hebei class {v.hebei}." for k, v in MODEL.penalty_kinds.items()},
        ListType: {
            k: f"{v.zh}; {v.polarity.lower()}{', serious' if v.serious else ''}. "
            f"Source: {v.source}."
            for k, v in MODEL.list_types.items()
        },
        ListStatus: _STATUS_DOCS,
        CommitmentStatus: {
            "SUBMITTED": "Submitted with the application (自愿承诺 or in place of a document).",
            "PUBLISHED": "Published, as commitments are by default (HLJ Art.50).",
            "UNDER_VERIFICATION": "Being verified (within two months of the decision, HLJ Art.46).",
            "FULFILLED": "Kept (践诺).",
            "VIOLATED": "Not kept (违诺): starts P7.",
            "FALSE": "Found to be false (虚假承诺): starts P7.",
        },
        IdType: {
            "CITIZEN_ID": "Citizen identity number (公民身份号码, GB 11643).",
            "OTHER_VALID_ID": "Another valid ID document, when there is no citizen ID.",
        },
    }


def _describe() -> None:
    """Attach each value's description (Chinese term, source) from the model to the schema."""
    for enum, docs in _value_docs().items():
        for value in enum.__strawberry_definition__.values:  # type: ignore[attr-defined]
            value.description = docs.get(value.name) or value.description


_describe()

# Enums whose values must equal a vocabulary of the model (checked by the tests).
MODEL_VOCABULARIES: dict[type[Enum], tuple[str, ...]] = {
    RoleType: tuple(MODEL.roles),
    OrgKind: tuple(MODEL.organization_kinds),
    RecordType: tuple(MODEL.record_types),
    RecordStatus: tuple(MODEL.record_statuses),
    PenaltyKind: tuple(MODEL.penalty_kinds),
    ListType: tuple(MODEL.list_types),
    EmploymentPosition: tuple(MODEL.employment_positions),
    Severity: tuple(MODEL.severities),
    Procedure: tuple(MODEL.procedures),
    ArrearsKind: tuple(MODEL.arrears_kinds),
    CommitmentStatus: tuple(MODEL.commitment_statuses),
}
