"""GraphQL types for sanctions: flags with their `why`, designation results, objections, repairs,
the measure catalogue and measure applications.

The enums here are written out and checked against graph/rules/*.yaml and the model by
tests/test_sanctions_rules.py; list types and statuses come from resolvers/enums.py.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Any

import strawberry

from api.extensions.cost import cost_hint
from graph.executor import Record
from graph.explain.citations import cite
from graph.explain.sentences import flag_summary, path_text
from graph.propagation.plan import Plan, PlannedFlag
from graph.rules import RULES
from graph.rules.in_force import effective_status
from graph.sanctions.flags import state_on
from resolvers.language import LANG_ARG, Lang
from resolvers.records.types import ListEntry, list_entry_from_row


@strawberry.enum(description="Kinds of sanction flag (graph/rules/propagation.yaml).")
class FlagType(Enum):
    PUNISHMENT_EXTENDED = "PUNISHMENT_EXTENDED"
    SOE_ARREARS_ACCOUNTABILITY = "SOE_ARREARS_ACCOUNTABILITY"
    KEY_SUPERVISION = "KEY_SUPERVISION"
    COMMITMENT_INELIGIBLE = "COMMITMENT_INELIGIBLE"
    KEY_ATTENTION_SUPERVISION = "KEY_ATTENTION_SUPERVISION"
    INTERVIEW_REQUIRED = "INTERVIEW_REQUIRED"
    ACCOUNTABILITY_PURSUED = "ACCOUNTABILITY_PURSUED"


@strawberry.enum(description="A flag's state on the day asked about.")
class FlagStatus(Enum):
    ACTIVE = "ACTIVE"
    ENDED = "ENDED"


@strawberry.enum(description="Why a flag ended.")
class FlagEndReason(Enum):
    OBJECTION_UPHELD = "OBJECTION_UPHELD"
    REPAIRED = "REPAIRED"
    EXPIRED = "EXPIRED"
    BASIS_REVOKED = "BASIS_REVOKED"
    NO_LONGER_DERIVED = "NO_LONGER_DERIVED"


@strawberry.enum(description="Grounds of an objection (002 HLJ Art.39).")
class ObjectionGrounds(Enum):
    ERROR = "ERROR"
    OMISSION = "OMISSION"
    OVERDUE_PUBLICATION = "OVERDUE_PUBLICATION"
    TRADE_SECRET = "TRADE_SECRET"
    PRIVACY = "PRIVACY"


@strawberry.enum(description="Decision on an objection.")
class ObjectionDecision(Enum):
    UPHELD = "UPHELD"
    REJECTED = "REJECTED"


@strawberry.enum(description="Credit repair methods (docs/domain.md §6.1).")
class RepairMethod(Enum):
    RECTIFICATION = "RECTIFICATION"
    TRAINING = "TRAINING"
    COMMITMENT = "COMMITMENT"
    CREDIT_REPORT = "CREDIT_REPORT"
    CHARITY = "CHARITY"
    VOLUNTARY_PERFORMANCE = "VOLUNTARY_PERFORMANCE"


@strawberry.enum(description="Kinds of measure: incentive, constraint (Art.31) or punishment.")
class MeasureKind(Enum):
    INCENTIVE = "INCENTIVE"
    CONSTRAINT = "CONSTRAINT"
    PUNISHMENT = "PUNISHMENT"


@strawberry.enum(description="State of a measure application.")
class ApplicationStatus(Enum):
    APPLIED = "APPLIED"
    FEEDBACK_SUBMITTED = "FEEDBACK_SUBMITTED"
    TERMINATED = "TERMINATED"


def _enum(enum: Any, value: Any) -> Any:
    return None if value is None else enum(value)


@strawberry.type(description="A subject on a flag's path (persons: name and public id only).")
class FlagParty:
    id: strawberry.ID = strawberry.field(description="Public id: the USCC or the person id.")
    name: str | None = strawberry.field(description="Name.")


@strawberry.type(description="A propagation rule as declared (graph/rules/propagation.yaml).")
class SanctionRule:
    id: str = strawberry.field(description="Rule id, e.g. P1.")
    title: str = strawberry.field(description="What the rule does.")
    zh: str = strawberry.field(description="The rule in the words of the regulation.")
    legal_basis: str = strawberry.field(
        description="Short citation of the legal basis (seed file, document tag, article); "
        "`legalBasisText` names the document by its title."
    )
    cites: list[str] = strawberry.field(
        description="All provisions the rule rests on (short citations).",
        metadata=cost_hint(multiplier=5),
    )

    @strawberry.field(description="The legal basis by document title and article.")
    def legal_basis_text(self, lang: Annotated[Lang, LANG_ARG] = Lang.ZH) -> str:
        return cite(self.legal_basis, lang)

    @strawberry.field(description="Every provision the rule rests on, by title and article.")
    def cites_text(self, lang: Annotated[Lang, LANG_ARG] = Lang.ZH) -> list[str]:
        return [cite(c, lang) for c in self.cites]

    @classmethod
    def of(cls, rule_id: str) -> SanctionRule:
        rule = RULES.rules[rule_id]
        return cls(
            id=rule.id,
            title=rule.title,
            zh=rule.zh,
            legal_basis=rule.legal_basis,
            cites=list(rule.cites),
        )


@strawberry.type(description="One path by which a rule reached the flagged subject.")
class FlagPath:
    source: FlagParty = strawberry.field(description="The listed (source) subject.")
    role: str = strawberry.field(
        description="The role held in the source subject (e.g. LEGAL_REPRESENTATIVE_OF), or "
        "DEBT_RESPONSIBLE_FOR for a person the decision names."
    )
    from_: date | None = strawberry.field(name="from", description="First day of the role.")
    to: date | None = strawberry.field(description="Last day of the role; null while current.")
    holder: FlagParty = strawberry.field(description="The flagged subject.")

    @strawberry.field(
        description="The path in words, in the direction of the relation: holder —role "
        "(dates)→ source subject."
    )
    def text(self, lang: Annotated[Lang, LANG_ARG] = Lang.ZH) -> str:
        holder = self.holder.name or str(self.holder.id)
        source = self.source.name or str(self.source.id)
        return path_text(holder, self.role, self.from_, self.to, source, lang)


@strawberry.type(description="What a flag derives from: a list entry or a credit record.")
class FlagSource:
    kind: str = strawberry.field(description="LIST_ENTRY or RECORD.")
    id: strawberry.ID = strawberry.field(description="Entry or record id.")
    type: str | None = strawberry.field(description="List type or record type.")
    status: str | None = strawberry.field(description="The source's stored status.")
    decision_no: str | None = strawberry.field(description="Number of the decision.")
    decision_date: date | None = strawberry.field(description="Date of the decision.")
    subject: FlagParty = strawberry.field(description="The listed (or recorded) subject.")


@strawberry.type(description="Why a flag exists: the rule, its legal basis, the source, the paths.")
class FlagWhy:
    rule: SanctionRule = strawberry.field(description="The rule that fired.")
    legal_basis: str = strawberry.field(description="Its legal basis.")
    source: FlagSource = strawberry.field(description="The entry or record it derives from.")
    paths: list[FlagPath] = strawberry.field(
        description="Every path from the source subject to the flagged subject (empty when the "
        "flag is on the source subject itself).",
        metadata=cost_hint(multiplier=5),
    )
    row: strawberry.Private[Record]

    @strawberry.field(
        description="The explanation for people: the legal basis by title and article, the "
        "source decision, the role held and its dates, the effect; no internal ids."
    )
    def summary(self, lang: Annotated[Lang, LANG_ARG] = Lang.ZH) -> str:
        return flag_summary(self.row, lang)


@strawberry.type(
    description="A sanction flag (legal effect of a rule, never a risk indicator): who is "
    "flagged, by which rule, from when to when, and why."
)
class SanctionFlag:
    id: strawberry.ID = strawberry.field(description="Flag id (deterministic).")
    flag_type: FlagType = strawberry.field(description="Kind of flag.")
    rule_id: str = strawberry.field(description="Id of the rule that fired.")
    legal_basis: str = strawberry.field(description="Citation of the legal basis.")
    status: FlagStatus = strawberry.field(description="State on the day asked about.")
    end_reason: FlagEndReason | None = strawberry.field(description="Why it ended, if it did.")
    ended_at: date | None = strawberry.field(description="Day it ended, if it was ended.")
    valid_from: date | None = strawberry.field(description="First day it applies.")
    valid_until: date | None = strawberry.field(
        description="Last day it can apply (the source's period); null while open."
    )
    public: bool = strawberry.field(description="Published (publicity is part of the effect).")
    is_sanction: bool = strawberry.field(description="Always true: sanctions only.")
    subject: FlagParty = strawberry.field(description="The flagged subject.")

    @strawberry.field(description="The legal basis by document title and article.")
    def legal_basis_text(self, lang: Annotated[Lang, LANG_ARG] = Lang.ZH) -> str:
        return cite(self.legal_basis, lang)

    why: FlagWhy = strawberry.field(description="The explanation: rule, basis, source, paths.")

    @classmethod
    def from_row(cls, row: Record, as_of: date) -> SanctionFlag:
        state = state_on(row, as_of)
        source = FlagParty(id=strawberry.ID(row["sourceSid"]), name=row.get("sourceName"))
        target = FlagParty(id=strawberry.ID(row["sid"]), name=row.get("targetName"))
        paths = [
            FlagPath(
                source=source,
                role=p["role"],
                from_=p.get("from"),
                to=p.get("to"),
                holder=target,
            )
            for p in row.get("paths") or []
        ]
        why = FlagWhy(
            rule=SanctionRule.of(row["ruleId"]),
            legal_basis=row["legalBasis"],
            source=FlagSource(
                kind=row["sourceKind"],
                id=strawberry.ID(row["sourceId"]),
                type=row.get("sourceType"),
                status=row.get("sourceStatus"),
                decision_no=row.get("sourceDecisionNo"),
                decision_date=row.get("sourceDecisionDate"),
                subject=source,
            ),
            paths=paths,
            row=row,
        )
        return cls(
            id=strawberry.ID(row["flagId"]),
            flag_type=FlagType(row["flagType"]),
            rule_id=row["ruleId"],
            legal_basis=row["legalBasis"],
            status=FlagStatus(state.status),
            end_reason=_enum(FlagEndReason, state.end_reason),
            ended_at=state.ended_on,
            valid_from=row.get("validFrom"),
            valid_until=row.get("validUntil"),
            public=bool(row.get("public")),
            is_sanction=True,
            subject=target,
            why=why,
        )


def planned_row(flag: PlannedFlag) -> Record:
    """A planned flag in the shape of a stored one, so previews render like real flags."""
    src = flag.source
    return {
        **flag.row(),
        "sid": flag.target.sid,
        "status": "ACTIVE",
        "endedAt": None,
        "endReason": None,
        "sourceKind": "LIST_ENTRY" if src.kind == "list_entry" else "RECORD",
        "sourceType": src.type,
        "sourceStatus": src.status,
        "sourceDecisionNo": src.props.get("decisionNo"),
        "sourceDecisionDate": src.props.get("decisionDate"),
        "sourceName": src.subject.name,
        "targetName": flag.target.name,
        "targetKind": flag.target.kind,
        "paths": [{**p, "viaName": src.subject.name} for p in flag.path_rows()],
    }


@strawberry.type(
    description="An entry a rule would derive automatically (P2: on the same subject; P6: on "
    "the legal representative)."
)
class PlannedEntry:
    id: strawberry.ID = strawberry.field(description="Id the derived entry gets.")
    list_type: str = strawberry.field(description="List it is entered on.")
    rule_id: str = strawberry.field(description="Rule that derives it.")
    derived_from: strawberry.ID = strawberry.field(description="The entry it derives from.")
    subject_id: strawberry.ID = strawberry.field(description="Who is listed by it.")


@strawberry.type(description="What a designation would write, computed without writing.")
class PropagationPreview:
    flags: list[SanctionFlag] = strawberry.field(
        description="Flags that would be in force.", metadata=cost_hint(multiplier=20)
    )
    derived_entries: list[PlannedEntry] = strawberry.field(
        description="Entries that would be derived automatically.",
        metadata=cost_hint(multiplier=2),
    )
    person_records: int = strawberry.field(
        description="How many natural persons would get the act written into their own record."
    )

    @classmethod
    def of(cls, plan: Plan, as_of: date) -> PropagationPreview:
        return cls(
            flags=[
                SanctionFlag.from_row(planned_row(f), as_of)
                for f in sorted(plan.flags.values(), key=lambda f: (f.target.sid, f.flag_type))
            ],
            derived_entries=[
                PlannedEntry(
                    id=strawberry.ID(e.entry_id),
                    list_type=e.list_type,
                    rule_id=e.rule_id,
                    derived_from=strawberry.ID(e.parent.id),
                    subject_id=strawberry.ID(e.subject.sid),
                )
                for e in plan.entries.values()
            ],
            person_records=len(plan.records),
        )


@strawberry.type(description="A designation: the entry, the entries derived from it, its flags.")
class DesignationResult:
    entry: ListEntry = strawberry.field(description="The entry as written.")
    derived_entries: list[ListEntry] = strawberry.field(
        description="Entries derived automatically (e.g. P2: a court debtor is serious).",
        metadata=cost_hint(multiplier=2),
    )
    flags: list[SanctionFlag] = strawberry.field(
        description="Flags derived in the same step.", metadata=cost_hint(multiplier=20)
    )


@strawberry.type(description="An objection against a list entry (异议).")
class Objection:
    id: strawberry.ID = strawberry.field(description="Objection id.")
    entry_id: strawberry.ID = strawberry.field(description="The entry objected to.")
    grounds: ObjectionGrounds = strawberry.field(description="Grounds.")
    filed_at: date = strawberry.field(description="Day it was filed.")
    marked_at: date | None = strawberry.field(description="Day the entry was marked.")
    mark_due_at: date | None = strawberry.field(description="Last day for the mark (1 WD).")
    due_at: date | None = strawberry.field(description="Last day for the decision (3 WD).")
    status: str = strawberry.field(description="PENDING or DECIDED.")
    decision: ObjectionDecision | None = strawberry.field(description="The decision, once made.")
    reasons: str | None = strawberry.field(description="Reasons given with the decision.")
    decided_at: date | None = strawberry.field(description="Day of the decision.")

    @classmethod
    def from_row(cls, row: Record) -> Objection:
        return cls(
            id=strawberry.ID(row["objectionId"]),
            entry_id=strawberry.ID(row["entryId"]),
            grounds=ObjectionGrounds(row["grounds"]),
            filed_at=row["filedAt"],
            marked_at=row.get("markedAt"),
            mark_due_at=row.get("markDueAt"),
            due_at=row.get("dueAt"),
            status=row["status"],
            decision=_enum(ObjectionDecision, row.get("decision")),
            reasons=row.get("reasons"),
            decided_at=row.get("decidedAt"),
        )


@strawberry.type(description="What leaving a list ended: the entries, flags and measures.")
class Removal:
    entries: list[ListEntry] = strawberry.field(
        description="The entry and the entries derived from it, as they now stand.",
        metadata=cost_hint(multiplier=2),
    )
    ended_flag_ids: list[strawberry.ID] = strawberry.field(
        description="Flags ended.", metadata=cost_hint(multiplier=20)
    )
    terminated_application_ids: list[strawberry.ID] = strawberry.field(
        description="Measure applications terminated.", metadata=cost_hint(multiplier=20)
    )
    notified_authority_ids: list[strawberry.ID] = strawberry.field(
        description="Departments whose measures were terminated (to be told).",
        metadata=cost_hint(multiplier=10),
    )


@strawberry.type(description="The decision on an objection and, if upheld, what it removed.")
class ObjectionDecisionResult:
    objection: Objection = strawberry.field(description="The objection as decided.")
    removal: Removal = strawberry.field(description="What was removed (nothing if rejected).")


@strawberry.type(description="An approved credit repair and what it ended (P11).")
class RepairResult:
    repair_id: strawberry.ID = strawberry.field(description="Id of the repair record.")
    removal: Removal = strawberry.field(description="What the repair removed and ended.")


@strawberry.type(description="A measure in the catalogue (docs/domain.md §5).")
class Measure:
    code: str = strawberry.field(description="Catalogue code.")
    name: str | None = strawberry.field(description="Name of the measure.")
    measure_kind: MeasureKind | None = strawberry.field(description="Incentive, constraint, …")
    category: str | None = strawberry.field(description="ADMIN, MARKET, INDUSTRY, SOCIAL, …")
    list_source: str | None = strawberry.field(description="The published list it belongs to.")
    legal_basis: str | None = strawberry.field(description="Legal basis.")
    default_duration_days: int | None = strawberry.field(description="Its period, if stated.")
    published: bool = strawberry.field(description="Only published measures may be applied.")

    @classmethod
    def from_row(cls, row: Record) -> Measure:
        return cls(
            code=row["code"],
            name=row.get("name"),
            measure_kind=_enum(MeasureKind, row.get("measureKind")),
            category=row.get("category"),
            list_source=row.get("listSource"),
            legal_basis=row.get("legalBasis"),
            default_duration_days=row.get("defaultDurationDays"),
            published=bool(row.get("published")),
        )


@strawberry.type(description="A department applying a measure to a subject because of an entry.")
class MeasureApplication:
    id: strawberry.ID = strawberry.field(description="Application id.")
    measure_code: str = strawberry.field(description="The measure applied.")
    measure_name: str | None = strawberry.field(description="Its name.")
    subject: FlagParty = strawberry.field(description="Whom it is applied against.")
    entry_id: strawberry.ID = strawberry.field(description="The entry it is applied because of.")
    authority_id: strawberry.ID = strawberry.field(description="The applying department.")
    authority_name: str | None = strawberry.field(description="Its name.")
    status: ApplicationStatus = strawberry.field(description="State.")
    applied_at: date = strawberry.field(description="Day applied.")
    ends_at: date | None = strawberry.field(description="Last day of the measure, if bounded.")
    business_item: str | None = strawberry.field(description="Business item it was applied in.")
    feedback_due_at: date = strawberry.field(description="Day the feedback is due.")
    feedback_at: date | None = strawberry.field(description="Day feedback arrived.")
    feedback: str | None = strawberry.field(description="The feedback.")
    terminated_at: date | None = strawberry.field(description="Day it was terminated.")
    terminated_reason: str | None = strawberry.field(description="Why it was terminated.")

    @classmethod
    def from_row(cls, row: Record) -> MeasureApplication:
        return cls(
            id=strawberry.ID(row["applicationId"]),
            measure_code=row["code"],
            measure_name=row.get("measureName"),
            subject=FlagParty(id=strawberry.ID(row["sid"]), name=row.get("subjectName")),
            entry_id=strawberry.ID(row["entryId"]),
            authority_id=strawberry.ID(row["authorityId"]),
            authority_name=row.get("authorityName"),
            status=ApplicationStatus(row["status"]),
            applied_at=row["appliedAt"],
            ends_at=row.get("endsAt"),
            business_item=row.get("businessItem"),
            feedback_due_at=row["feedbackDueAt"],
            feedback_at=row.get("feedbackAt"),
            feedback=row.get("feedbackText"),
            terminated_at=row.get("terminatedAt"),
            terminated_reason=row.get("terminatedReason"),
        )


def entry_from_row(row: Record, today: date) -> ListEntry:
    """A list entry in the records engineer's type; past its period it reads EXPIRED."""
    status = effective_status(row["status"], row.get("validUntil"), today)
    return list_entry_from_row({**row, "status": status})
