"""GraphQL enums for the model's vocabularies.

They are written out (so type checkers and readers see them) and must equal
`graph/model/domain.yaml`: `tests/test_enums.py` fails when one drifts from the model.
"""

from __future__ import annotations

from enum import Enum

import strawberry


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


@strawberry.enum(description="Credit record types (DOMAIN.md §3.2).")
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


@strawberry.enum(description="Record lifecycle states (DOMAIN.md §3.5).")
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


@strawberry.enum(description="Lists (名单) a subject can be entered on (DOMAIN.md §3.3).")
class ListType(Enum):
    SERIOUS_DISHONESTY = "SERIOUS_DISHONESTY"
    JUDGMENT_DEFAULTER = "JUDGMENT_DEFAULTER"
    KEY_ATTENTION = "KEY_ATTENTION"
    BUSINESS_ANOMALY = "BUSINESS_ANOMALY"
    RED_LIST = "RED_LIST"


@strawberry.enum(description="List entry states; EXPIRED is reported once the period has ended.")
class ListStatus(Enum):
    PROPOSED = "PROPOSED"
    ACTIVE = "ACTIVE"
    OBJECTION_PENDING = "OBJECTION_PENDING"
    REMOVED = "REMOVED"
    ARCHIVED = "ARCHIVED"
    EXPIRED = "EXPIRED"
