"""Reading and writing subjects (organisations and persons) and their role edges."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from weakref import WeakKeyDictionary

from graph import audit, search
from graph.cypher import Statement, statement
from graph.errors import Conflict, NotFound
from graph.executor import Executor, Record, Tx
from graph.identifiers import person_key
from graph.inputs import EnterpriseIn
from graph.model import MODEL
from graph.pages import Page, pages_by_sid
from graph.records import ListEntryQuery, list_entries_in

GET_ENTERPRISES = statement("enterprise/get_enterprises")
UPSERT_ENTERPRISE = statement("enterprise/upsert_enterprise")
GET_LEGAL_REPRESENTATIVES = statement("enterprise/get_legal_representatives")
GET_SUBJECTS = statement("subject/get_subjects")
GET_ROLE_HOLDERS = statement("subject/get_role_holders")
GET_HELD_ROLES = statement("subject/get_held_roles")
GET_ROLE_HOLDERS_WITH_ROLES = statement("subject/get_role_holders_with_roles")
SEARCH_SUBJECTS = statement("subject/search_subjects")
COUNT_SEARCH_SUBJECTS = statement("subject/count_search_subjects")
SEARCH_ORGANIZATIONS = statement("subject/search_organizations")
COUNT_SEARCH_ORGANIZATIONS = statement("subject/count_search_organizations")
UPSERT_PERSON = statement("person/upsert_person")
ASSIGN_ROLE = statement("role/assign_role")
GET_QUERY_RAREST = statement("search/get_query_rarest")
COUNT_REGION_UPTO = statement("subject/count_region_upto")
# A name query with a region: below this many holders of its rarest gram the gram statement is
# quick and the region is not weighed; above it the region index leads when the region holds
# fewer organisations than a third of those holders (counting them and then searching them
# costs about three times a gram holder's walk, measured at 1M: docs/adr/0006).
REGION_WEIGHED_FROM = 5_000
# A region's size as counted (up to a cap), per executor, reused for this long: it only steers
# which statement runs, never what it finds, and counting a district costs ~100 ms at 1M.
REGION_SIZE_KEPT_S = 600.0
_REGION_SIZES: WeakKeyDictionary[Executor, dict[str, tuple[int, int, float]]] = WeakKeyDictionary()


async def enterprises_by_uscc(executor: Executor, usccs: Sequence[str]) -> dict[str, Record]:
    rows = await executor.read(GET_ENTERPRISES, usccs=list(usccs))
    return {row["uscc"]: row for row in rows}


async def subjects_by_sid(executor: Executor, sids: Sequence[str]) -> dict[str, Record]:
    rows = await executor.read(GET_SUBJECTS, sids=list(sids))
    return {row["sid"]: row for row in rows}


@dataclass(frozen=True)
class RoleQuery:
    """The arguments that shape a page of role edges (hashable: the loaders batch on it).

    `held`, on a query for an organisation's role holders, asks for each person on the page the
    page of roles that person holds (as `held_roles` would return it for `held`) in the same
    round trip: the entity card's two nested levels at the cost of one. `entries` then also
    reads, in the same transaction, the list entries of the organisations on those persons'
    pages (the card's third level) as `records.list_entries` would page them for `entries`.
    `brief`, on the `held` query, makes those persons' pages carry only the role type and the
    organisation's sid, kind and name, when the selection reads nothing else of them (a card's
    ~100 organisations); `held_roles` alone returns whole rows, which serve a brief key too.
    """

    roles: tuple[str, ...] | None
    as_of: date | None
    skip: int
    limit: int
    exclude: str | None = None
    held: RoleQuery | None = None
    entries: ListEntryQuery | None = None
    brief: bool = False

    def role_list(self) -> list[str]:
        return list(self.roles) if self.roles else list(MODEL.roles)

    def params(self, sids: Sequence[str]) -> dict[str, Any]:
        """The statement parameters of a page per subject in `sids` (roles, date, window)."""
        return {
            "sids": list(sids),
            "roles": self.role_list(),
            "asOf": self.as_of,
            "skip": self.skip,
            "limit": self.limit,
        }


@dataclass(frozen=True)
class HoldersPage(Page):
    """A page of role holders with, for `RoleQuery.held`, the persons' own pages of roles.

    `held` covers the persons of every page fetched in the same batch (keyed by person id).
    """

    held: Mapping[str, Page] = field(default_factory=dict)
    entries: Mapping[str, Page] = field(default_factory=dict)  # by organisation, for `entries`


async def role_holders(executor: Executor, sids: Sequence[str], q: RoleQuery) -> dict[str, Page]:
    """For each organisation, one page of (role edge, holder) rows (and see `RoleQuery.held`)."""
    if q.held is not None:
        return await _role_holders_with_roles(executor, sids, q, q.held)
    return pages_by_sid(await executor.read(GET_ROLE_HOLDERS, **q.params(sids)))


async def _role_holders_with_roles(
    executor: Executor, sids: Sequence[str], q: RoleQuery, held: RoleQuery
) -> dict[str, Page]:
    async def work(tx: Tx) -> tuple[list[Record], dict[str, Page], dict[str, Page]]:
        rows = await tx.run(
            GET_ROLE_HOLDERS_WITH_ROLES,
            **q.params(sids),
            heldRoles=held.role_list(),
            heldAsOf=held.as_of,
            exclude=held.exclude,
            heldSkip=held.skip,
            heldLimit=held.limit,
            brief=held.brief,
        )
        persons = {h["sid"]: Page(h["page"], h["total"]) for r in rows for h in r["held"]}
        shown = held.limit - 1  # a page is fetched with one row more than it shows
        orgs = list(dict.fromkeys(o["sid"] for p in persons.values() for o in p.rows[:shown]))
        entries = {}
        if q.entries is not None and orgs:
            entries = await list_entries_in(tx, orgs, q.entries)
        return rows, persons, entries

    rows, persons, entries = await executor.unit(
        work, write=False, name=GET_ROLE_HOLDERS_WITH_ROLES.name
    )
    return {
        r["sid"]: HoldersPage(rows=r["page"], total=r["total"], held=persons, entries=entries)
        for r in rows
    }


async def held_roles(executor: Executor, sids: Sequence[str], q: RoleQuery) -> dict[str, Page]:
    """For each holder, one page of (role edge, organisation) rows."""
    rows = await executor.read(GET_HELD_ROLES, **q.params(sids), exclude=q.exclude)
    return pages_by_sid(rows)


@dataclass(frozen=True)
class SubjectSearch:
    """`searchSubjects`: an exact id, or a name containing `query`, with optional filters.

    A query of two characters or more is answered through the name-gram index (graph/search,
    ADR 0006) by the prepared statement for exactly the filters given; a one-character query
    has no gram and keeps the scan (an organisation kind scans its own label only).
    """

    query: str
    kind: str | None = None
    region: str | None = None
    industry: str | None = None

    @property
    def indexed(self) -> bool:
        return len(self.query) >= search.MIN_INDEXED

    @property
    def broad_candidate(self) -> bool:
        """Whether the gram heads may answer: a name query (no id can equal it)."""
        return self.indexed and not search.could_be_id(self.query)

    def params(self) -> dict[str, str | None]:
        """The scan statements' parameters (every filter, null when absent)."""
        return {
            "query": self.query,
            "kind": self.kind,
            "region": self.region,
            "industry": self.industry,
        }

    def statements(self) -> tuple[Statement, Statement]:
        """The scan's page and count statements: within a region, the region index leads (and
        an empty query has no name predicate); else an organisation kind scans its own label."""
        if self.region is not None and (self.kind is None or self.kind in _KIND_SEARCH):
            label = MODEL.org_label(self.kind) if self.kind is not None else "Organization"
            return _REGION_SEARCH[(self.query != "", self.industry is not None)][label]
        if self.kind is not None and self.kind in _KIND_SEARCH:
            return _KIND_SEARCH[self.kind]
        return SEARCH_SUBJECTS, COUNT_SEARCH_SUBJECTS

    def prepared(self) -> tuple[Statement, Statement, dict[str, Any]]:
        """The page statement, the count statement and their parameters for this request."""
        if self.indexed:
            named = search.NameSearch(self.query, self.kind, self.region, self.industry)
            return search.choose(named)
        return self.scan()

    @property
    def region_may_lead(self) -> bool:
        """A name query within a region whose kind the region statements serve."""
        served = self.kind is None or self.kind in _KIND_SEARCH
        return self.indexed and self.region is not None and served

    def scan(self) -> tuple[Statement, Statement, dict[str, Any]]:
        """The scan's statements (`statements`) and their parameters, whatever the query."""
        page, count = self.statements()
        return page, count, {k: v for k, v in self.params().items() if k in count.param_names}


_KIND_SEARCH: dict[str, tuple[Statement, Statement]] = {
    kind: (
        SEARCH_ORGANIZATIONS.specialise(MODEL.allowed, ORG=MODEL.org_label(kind)),
        COUNT_SEARCH_ORGANIZATIONS.specialise(MODEL.allowed, ORG=MODEL.org_label(kind)),
    )
    for kind in MODEL.organization_kinds
}


# (query given, industry given) → label → (page, count); named literally for the registry test.
_REGION_STATEMENTS: dict[tuple[bool, bool], tuple[Statement, Statement]] = {
    (True, False): (statement("subject/search_region"), statement("subject/count_region")),
    (True, True): (
        statement("subject/search_region_industry"),
        statement("subject/count_region_industry"),
    ),
    (False, False): (statement("subject/search_region_all"), statement("subject/count_region_all")),
    (False, True): (
        statement("subject/search_region_all_industry"),
        statement("subject/count_region_all_industry"),
    ),
}
_REGION_SEARCH: dict[tuple[bool, bool], dict[str, tuple[Statement, Statement]]] = {
    shape: {
        label: (
            page.specialise(MODEL.allowed, ORG=label),
            count.specialise(MODEL.allowed, ORG=label),
        )
        for label in MODEL.allowed["regionLabel"]
    }
    for shape, (page, count) in _REGION_STATEMENTS.items()
}


async def search_subjects(
    executor: Executor, query: SubjectSearch, skip: int, limit: int
) -> list[Record]:
    """One page of the search, ranked: exact id, names starting with the query, the other names
    containing it; shorter names first, then by id."""
    if query.broad_candidate:
        # A broad query's first pages come from the gram heads (graph/search/heads.py).
        named = search.NameSearch(query.query, query.kind, query.region, query.industry)
        found = await search.first_page(executor, query.query, skip, limit, named.filters())
        if found is not None:
            return found
    page, _, params = await _prepared(executor, query)
    return await executor.read(page, **params, skip=skip, limit=limit)


async def count_subjects(executor: Executor, query: SubjectSearch) -> int:
    """How many subjects the search finds: one count statement (after, for a name query within
    a region, the two look-ups that choose it)."""
    _, count, params = await _prepared(executor, query)
    row = await executor.read_one(count, **params)
    return int(row["total"]) if row else 0


async def _prepared(
    executor: Executor, query: SubjectSearch
) -> tuple[Statement, Statement, dict[str, Any]]:
    """The statements for `query`; within a region, the region index leads a name query when
    the region holds fewer organisations than a third of the holders of the query's rarest gram
    (“有限公司” in a district at 1M: 1.1 s through the grams, tens of ms through the region)."""
    if query.region_may_lead and query.region is not None:
        row = await executor.read_one(GET_QUERY_RAREST, query=query.query)
        rarest = int(row["rarest"]) if row and row["rarest"] is not None else 0
        if rarest >= REGION_WEIGHED_FROM and await _region_below(
            executor, query.region, rarest // 3
        ):
            return query.scan()
    return query.prepared()


async def _region_below(executor: Executor, region: str, cap: int) -> bool:
    """Whether `region` holds fewer than `cap` organisations, from a count kept a while
    (`REGION_SIZE_KEPT_S`): an exact one (below its cap) answers any cap, a capped one any
    cap up to its own."""
    kept = _REGION_SIZES.setdefault(executor, {})
    now = time.monotonic()
    known = kept.get(region)
    if known is not None and known[2] > now:
        total, counted_cap, _ = known
        if total < counted_cap:
            return total < cap
        if cap <= counted_cap:
            return False
    row = await executor.read_one(COUNT_REGION_UPTO, region=region, cap=cap)
    total = int(row["total"]) if row else 0
    kept[region] = (total, cap, now + REGION_SIZE_KEPT_S)
    return total < cap


async def legal_representatives(
    executor: Executor, usccs: Sequence[str], as_of: date | None = None
) -> dict[str, list[Record]]:
    rows = await executor.read(GET_LEGAL_REPRESENTATIVES, usccs=list(usccs), asOf=as_of)
    grouped: dict[str, list[Record]] = defaultdict(list)
    for row in rows:
        grouped[row["uscc"]].append(row)
    return grouped


async def upsert_enterprise(
    executor: Executor,
    data: EnterpriseIn,
    *,
    by: audit.Principal,
    operation: str = "upsertEnterprise",
) -> Record:
    """Create or update an enterprise, its name grams and its audit event (`operation` by `by`)
    in one transaction."""

    async def work(tx: Tx) -> Record:
        row = await tx.one(UPSERT_ENTERPRISE, **data.model_dump())
        if row is None:  # the USCC is stored under another organisation kind
            raise Conflict(f"{data.uscc} is registered as another kind of organisation")
        await search.index_names(tx, [data.uscc], fresh=[data.uscc] if row["created"] else ())
        await audit.record_event(tx, by, operation, data, [data.uscc])
        return row

    return await executor.unit(work, name=operation)


async def upsert_person(executor: Executor, raw_id: str, name: str, id_key: bytes) -> Record:
    """Create or update a person from a raw ID number, which is hashed here and never stored
    (its name grams in the same transaction)."""
    key = person_key(raw_id, id_key)

    async def work(tx: Tx) -> Record | None:
        row = await tx.one(
            UPSERT_PERSON,
            sid=key.pid,
            idHash=key.id_hash,
            idMasked=key.id_masked,
            idType="CITIZEN_ID",
            name=name,
        )
        fresh = [key.pid] if row is not None and row["created"] else []
        await search.index_names(tx, [key.pid], fresh=fresh)
        return row

    row = await executor.unit(work, name=UPSERT_PERSON.name)
    assert row is not None
    return row


async def assign_role(
    executor: Executor,
    role: str,
    holder: str,
    uscc: str,
    start: date,
    end: date | None,
    ratio: float | None = None,
) -> bool:
    """Add a role edge; returns True when it is new. `role` must be a declared role type."""
    stmt = ASSIGN_ROLE.specialise(MODEL.allowed, ROLE=role)
    row = await executor.write_one(
        stmt, holder=holder, uscc=uscc, **{"from": start, "to": end, "ratio": ratio}
    )
    if row is None:
        raise NotFound(f"no organisation {uscc} or no subject {holder}")
    return bool(row["created"])
