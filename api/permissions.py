"""Who may see and do what (issue 7), declared as data in one place.

* `QUERIES`, `MUTATIONS`: every root field of the schema and the roles allowed to select it. A
  root field without a declaration is allowed to nobody (api/extensions/auth.py refuses it) and
  fails tests/test_permissions.py (`undeclared`). Every mutation: officer or admin, but the
  caller's own workspace (`WORKSPACE_MUTATIONS`). `SUBSCRIPTIONS` likewise.
* `FIELDS`: guarded fields below the root, as "Type.field"; an interface's entry covers every
  type implementing it, so a fragment on a concrete type cannot slip past it.
* `PERSONAL_DATA_ROLES`: who may read a person's protected data (`MODEL.protected_properties`),
  and only with a stated purpose (the `X-Purpose` header); every read is audited (002 HLJ
  Art.20, 22, 23; docs/domain.md §8.5–8.6). The ID hash is never exposed to anyone.
* `VISIBILITY`: per role, what the readers return (graph/visibility.py). The public view shows
  dishonesty information only while it is published, positive information long-term (Art.37),
  list entries and sanction flags only while in force, published measures only.
* `HIDDEN_ARGUMENTS`: argument values that would show a published-only role what its view hides
  (history, removed or expired entries, unpublished measures). They are refused with FORBIDDEN,
  never silently narrowed, so a client is not misled about what it received.

All of it is checked before any resolver runs, through aliases and fragments
(api/extensions/auth.py); the personal-data resolver checks again.

Why the matrix reads as it does:
* public: what law requires to be published (Art.23: open without conditions), i.e. subjects by
  name and masked ID, their published records and entries, sanction flags in force (publicity is
  part of the effect), the published measure catalogue;
* dashboard: the public view plus aggregates (statistics, grade distribution per region or
  industry, HEB §5(3)); no single subject's grade or risk;
* investigator, officer, analyst: supervision data, history included (grades, risk indicators,
  clusters, ownership and control, related-party networks: docs/domain.md §7.3, supervision only);
* officer, admin: every mutation (designation, objection, repair, measures, writes), except
  the workspace ones (`watch`, `unwatch`, `markAlertsRead`), which investigators have too;
* investigator, officer, admin: watch-lists and their alerts, each caller its own (admins see
  every watch; an alert's path is read with the caller's own rights);
* analyst, admin: their own read-only Cypher (resolvers/analyst), stripped of personal data;
* investigator, officer: personal data, with a purpose; admin administers, it does not read
  personal data (least privilege), but is the only role reading the audit trail.

A refused request of an authenticated caller is audited as REFUSED (api/extensions/auth.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from graphql import GraphQLField, GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema

from api.auth import Principal, Role, require
from graph.errors import Forbidden
from graph.model import MODEL
from graph.rules.in_force import IN_FORCE
from graph.visibility import FULL, Visibility

PUBLIC, DASHBOARD, INVESTIGATOR, OFFICER, ANALYST, ADMIN = (
    Role.PUBLIC,
    Role.DASHBOARD,
    Role.INVESTIGATOR,
    Role.OFFICER,
    Role.ANALYST,
    Role.ADMIN,
)

EVERYONE: tuple[Role, ...] = tuple(Role)
STATISTICS = (DASHBOARD, INVESTIGATOR, OFFICER, ANALYST, ADMIN)
SUPERVISION = (INVESTIGATOR, OFFICER, ANALYST, ADMIN)
CASEWORK = (OFFICER, ANALYST, ADMIN)
WRITERS = (OFFICER, ADMIN)
AUDITORS = (ADMIN,)
ANALYSTS = (ANALYST, ADMIN)  # analyst Cypher (runCypher and the analytics files)
PERSONAL_DATA_ROLES = (INVESTIGATOR, OFFICER)
WATCHERS = (INVESTIGATOR, OFFICER, ADMIN)  # watch-lists: their own (admins: everyone's)
TRIAGERS = (INVESTIGATOR, OFFICER)  # who judges an indicator or an alert (case work)


@dataclass(frozen=True)
class Access:
    """Who may select a field, and whether they must state a purpose to do so."""

    roles: tuple[Role, ...]
    purpose: bool = False


@dataclass(frozen=True)
class MutationAccess(Access):
    """A mutation's roles. Its audit is not declared here: every mutation's service writes the
    audit event in the change's own transaction (graph/audit.py), so no change stands unaudited.
    """


QUERIES: Mapping[str, Access] = {
    # Subjects: name, masked ID and registration data are public (docs/domain.md §1.2,
    # 002 HLJ Art.23).
    "enterprise": Access(EVERYONE),
    "person": Access(EVERYONE),
    "subject": Access(EVERYONE),
    "node": Access(EVERYONE),  # subjects by global id: the same as `subject`
    "searchSubjects": Access(EVERYONE),
    # Network exploration is an investigation tool, not publication.
    "relatedParties": Access(SUPERVISION),
    "pathsBetween": Access(SUPERVISION),
    # Records, entries and flags: everyone, filtered by VISIBILITY.
    "records": Access(EVERYONE),
    "listEntries": Access(EVERYONE),  # the global list too: in force only, for the public
    "flags": Access(EVERYONE),
    "measures": Access(EVERYONE),
    "stats": Access(STATISTICS),
    # Case work of the sanction officers.
    "previewPropagation": Access(WRITERS),
    "overdueFeedback": Access(CASEWORK),
    "notices": Access(CASEWORK),
    # P20's joint-punishment feedback board: counts per department, for dashboards too.
    "feedbackBoard": Access(STATISTICS),
    # Risk analytics: supervision only (docs/domain.md §7.3); aggregates also for dashboards.
    "ownership": Access(SUPERVISION),
    "control": Access(SUPERVISION),
    "creditGrade": Access(SUPERVISION),
    "creditScore": Access(SUPERVISION),
    "gradeDistribution": Access(STATISTICS),
    "riskClusters": Access(SUPERVISION),
    "cluster": Access(SUPERVISION),
    "redBlackConflicts": Access(SUPERVISION),
    "linkedRiskIndicators": Access(SUPERVISION),
    # The audit trail.
    "auditEvents": Access(AUDITORS),
    # Analyst Cypher (graph/analyst): analysts and admins, neither with personal-data rights.
    "runCypher": Access(ANALYSTS),
    "analyticsQueries": Access(ANALYSTS),
    "runAnalyticsQuery": Access(ANALYSTS),
    "graphModel": Access(ANALYSTS),  # what runCypher can match on (labels, types, properties)
    # Watch-lists and alerts (graph/alerts): each caller's own; admins administer all watches.
    "watches": Access(WATCHERS),
    "alerts": Access(WATCHERS),
}

MUTATIONS: Mapping[str, MutationAccess] = {
    "upsertEnterprise": MutationAccess(WRITERS),
    "upsertPerson": MutationAccess(WRITERS),
    "assignRole": MutationAccess(WRITERS),
    "endRole": MutationAccess(WRITERS),
    "recordCreditRecord": MutationAccess(WRITERS),
    "creditCheck": MutationAccess(WRITERS),
    "designateListEntry": MutationAccess(WRITERS),
    "fileObjection": MutationAccess(WRITERS),
    "decideObjection": MutationAccess(WRITERS),
    "approveRepair": MutationAccess(WRITERS),
    "revokeBasis": MutationAccess(WRITERS),
    "applyMeasure": MutationAccess(WRITERS),
    "submitFeedback": MutationAccess(WRITERS),
    "recordHandlingResult": MutationAccess(WRITERS),
    # The caller's own workspace, not a change of the credit data: investigators too.
    "watch": MutationAccess(WATCHERS),
    "unwatch": MutationAccess(WATCHERS),
    "markAlertsRead": MutationAccess(WATCHERS),
    "triageAlert": MutationAccess(TRIAGERS),  # the caller's own alerts
    # A judgement on an analytics result, not a change of credit data (sanction flags cannot
    # be triaged): investigators and officers.
    "triageIndicator": MutationAccess(TRIAGERS),
}

# Workspace mutations: what a caller keeps for itself (watches, read marks), open to WATCHERS.
WORKSPACE_MUTATIONS = frozenset({"watch", "unwatch", "markAlertsRead"})
# Triage: investigators' and officers' judgement of indicators and alerts (graph/risk/triage.py).
TRIAGE_MUTATIONS = frozenset({"triageAlert", "triageIndicator"})

SUBSCRIPTIONS: Mapping[str, Access] = {
    "alerts": Access(WATCHERS),  # the caller's own alerts, as they are written
}

FIELDS: Mapping[str, Access] = {
    "Subject.grade": Access(SUPERVISION),  # steers supervision (HEB §4(3)); not published
    "Subject.riskIndicators": Access(SUPERVISION),  # prioritisation only, never public (§7.3)
    "Person.personalData": Access(PERSONAL_DATA_ROLES, purpose=True),
}

# -- visibility --------------------------------------------------------------------------------
PUBLISHED = Visibility(
    "published",
    published_only=True,
    record_statuses=("PUBLISHED", "OBJECTION_MARKED"),
    long_term_record_types=tuple(
        name for name, spec in MODEL.record_types.items() if spec.nature == "POSITIVE"
    ),
)

VISIBILITY: Mapping[Role, Visibility] = {
    PUBLIC: PUBLISHED,
    DASHBOARD: PUBLISHED,
    INVESTIGATOR: FULL,
    OFFICER: FULL,
    ANALYST: FULL,
    ADMIN: FULL,
}


@dataclass(frozen=True)
class HiddenArgument:
    """An argument whose value would show a published-only role what its view hides."""

    field: str  # "Type.field"; an interface's entry covers its implementations
    argument: str
    reveals: str  # what such a value would show, for the error message
    allowed: tuple[object, ...] = ()  # values (each item, for a list) that reveal nothing
    not_before_today: bool = False  # a date argument: only today or later
    key: str | None = None  # an input object argument: the field of it that is judged

    def refuses(self, value: object, today: date) -> bool:
        """Would `value` (GraphQL input form: names, ISO dates) reveal hidden data?"""
        if self.key is not None:
            value = value.get(self.key) if isinstance(value, dict) else None
        if value is None:
            return False
        if self.not_before_today:
            try:
                day = value if isinstance(value, date) else date.fromisoformat(str(value))
            except ValueError:
                return True  # not a date we can judge: refuse rather than guess
            return day < today
        items = value if isinstance(value, list) else [value]
        return any(item not in self.allowed for item in items)


_FLAG_HISTORY = "ended or expired sanction flags (history)"
_IN_FORCE = (*IN_FORCE,)

HIDDEN_ARGUMENTS: tuple[HiddenArgument, ...] = (
    HiddenArgument("Subject.flags", "includeEnded", _FLAG_HISTORY, allowed=(False,)),
    HiddenArgument("Subject.flags", "asOf", _FLAG_HISTORY, not_before_today=True),
    HiddenArgument("Query.flags", "includeEnded", _FLAG_HISTORY, allowed=(False,)),
    HiddenArgument("Query.flags", "asOf", _FLAG_HISTORY, not_before_today=True),
    HiddenArgument(
        "Subject.listEntries", "status", "list entries no longer in force", allowed=_IN_FORCE
    ),
    HiddenArgument(
        "Query.listEntries", "status", "list entries no longer in force", allowed=_IN_FORCE
    ),
    HiddenArgument(
        "Query.listEntries",
        "filter",
        "list entries no longer in force",
        allowed=_IN_FORCE,
        key="status",
    ),
    HiddenArgument("Query.measures", "published", "unpublished measures", allowed=(True,)),
)


# -- the checks ------------------------------------------------------------------------------
def visibility_of(principal: Principal) -> Visibility:
    """What the readers may return to this caller."""
    return VISIBILITY[principal.role]


def require_personal_data(principal: Principal) -> Principal:
    """The principal if it may read personal data now: a personal-data role and a purpose."""
    access = FIELDS["Person.personalData"]
    require(principal, *access.roles)
    if not principal.purpose:
        raise Forbidden(
            "reading personal data needs a stated purpose: send it in the X-Purpose header "
            "(002 HLJ Art.22: use only for the purpose stated; the read is recorded)",
            header="X-Purpose",
        )
    return principal


def root_access(operation: str, field: str) -> Access | None:
    """The declaration of a root field (`operation` query or mutation), or None."""
    tables: Mapping[str, Mapping[str, Access]] = {
        "query": QUERIES,
        "mutation": MUTATIONS,
        "subscription": SUBSCRIPTIONS,
    }
    return tables.get(operation, {}).get(field)


def _root_fields(schema: GraphQLSchema) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    roots = (
        ("query", schema.query_type),
        ("mutation", schema.mutation_type),
        ("subscription", schema.subscription_type),
    )
    for operation, root in roots:
        found[operation] = set(root.fields) if root is not None else set()
    return found


def undeclared(schema: GraphQLSchema) -> list[str]:
    """Root fields of `schema` without a declaration here (each is refused to everyone)."""
    roots = _root_fields(schema)
    missing = [f"Query.{f}" for f in sorted(roots["query"] - set(QUERIES))]
    missing += [f"Mutation.{f}" for f in sorted(roots["mutation"] - set(MUTATIONS))]
    return missing + [
        f"Subscription.{f}" for f in sorted(roots["subscription"] - set(SUBSCRIPTIONS))
    ]


def stale(schema: GraphQLSchema) -> list[str]:
    """Declarations naming what `schema` does not have (a renamed field, a removed argument)."""
    roots = _root_fields(schema)
    problems = [f"Query.{f}" for f in sorted(set(QUERIES) - roots["query"])]
    problems += [f"Mutation.{f}" for f in sorted(set(MUTATIONS) - roots["mutation"])]
    problems += [f"Subscription.{f}" for f in sorted(set(SUBSCRIPTIONS) - roots["subscription"])]
    for coordinate in FIELDS:
        if _field(schema, coordinate) is None:
            problems.append(coordinate)
    for hidden in HIDDEN_ARGUMENTS:
        field = _field(schema, hidden.field)
        if field is None or hidden.argument not in field.args:
            problems.append(f"{hidden.field}({hidden.argument}:)")
    return problems


def _field(schema: GraphQLSchema, coordinate: str) -> GraphQLField | None:
    type_name, _, field_name = coordinate.partition(".")
    named = schema.get_type(type_name)
    if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        return None
    field: GraphQLField | None = named.fields.get(field_name)
    return field


def _covers(schema: GraphQLSchema, declared: Iterable[str]) -> dict[tuple[str, str], list[str]]:
    """(type, field) → the declarations that apply to it, through the interfaces it implements."""
    index: dict[tuple[str, str], list[str]] = {}
    wanted = {tuple(c.split(".", 1)) for c in declared}
    for named in schema.type_map.values():
        if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
            continue
        owners = [named.name, *(i.name for i in named.interfaces)]
        for field_name in named.fields:
            for owner in owners:
                if (owner, field_name) in wanted:
                    index.setdefault((named.name, field_name), []).append(f"{owner}.{field_name}")
    return index


@dataclass(frozen=True)
class Guards:
    """The declarations above, indexed for one schema: what applies to a field of a type."""

    fields: Mapping[tuple[str, str], tuple[Access, ...]]
    hidden: Mapping[tuple[str, str], tuple[HiddenArgument, ...]]

    @classmethod
    def of(cls, schema: GraphQLSchema) -> Guards:
        field_index = _covers(schema, FIELDS)
        hidden_index = _covers(schema, {h.field for h in HIDDEN_ARGUMENTS})
        return cls(
            fields={k: tuple(FIELDS[c] for c in v) for k, v in field_index.items()},
            hidden={
                k: tuple(h for h in HIDDEN_ARGUMENTS if h.field in v)
                for k, v in hidden_index.items()
            },
        )
