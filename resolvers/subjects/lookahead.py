"""Lookahead: what a connection's nested fields will load, known before they run.

An entity card asks for an organisation's role holders, under each person that person's other
roles, and under each of those organisations its list entries. The DataLoaders make each level
one round trip; reading the selection lets the first level fetch the second in the same
statement (`RoleQuery.held`) and load the third at once, priming their loaders, so the nested
resolvers find their pages ready and complete without waiting (`PageLoader.peek`). A key built
here must equal the one its field builds from the same arguments, or the prime is simply not
used (one more round trip, never a wrong answer).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Any, TypeVar

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    SelectionSetNode,
    get_argument_values,
)
from graphql.execution.values import VariableValues
from graphql.pyutils import Undefined
from strawberry.types import Info

from api.context import Context
from api.pagination import Window, window
from api.permissions import visibility_of
from graph.errors import CreditGraphError
from graph.pages import Page
from graph.records import ListEntryQuery
from graph.subjects import HoldersPage, RoleQuery

PERSON = "Person"
ORGANIZATION = "Organization"
HELD_EDGE = "HeldRoleEdge"
# What a brief row of a person's roles answers (`RoleQuery.brief`): the edge's role type and
# place, and the organisation's identity and name; any other field read from the row needs it
# whole. Fields with a resolver of their own (listEntries, records, …) load by id and need neither.
BRIEF_FIELDS = frozenset({"role", "cursor", "node", "id", "name", "kind", "uscc"})
T = TypeVar("T")
Build = Callable[[Info[Any, Any], dict[str, Any]], T]


def _fields(
    info: Info[Any, Any], selection_sets: list[SelectionSetNode | None], type_name: str | None
) -> list[FieldNode]:
    """The fields of these selection sets, through fragments; with `type_name`, only those in
    fragments on that type (a field under an interface selected on one implementation)."""
    fragments = info._raw_info.fragments
    found: list[FieldNode] = []
    stack: list[tuple[SelectionSetNode | None, bool]] = [
        (s, type_name is None) for s in selection_sets
    ]
    while stack:
        selection_set, on_type = stack.pop()
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                if on_type:
                    found.append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                matches = on_type or (condition is not None and condition.name.value == type_name)
                stack.append((selection.selection_set, matches))
            elif isinstance(selection, FragmentSpreadNode):
                fragment = fragments.get(selection.name.value)
                if fragment is not None:
                    matches = on_type or fragment.type_condition.name.value == type_name
                    stack.append((fragment.selection_set, matches))
    return found


def _named(fields: list[FieldNode], name: str) -> list[SelectionSetNode | None]:
    return [f.selection_set for f in fields if f.name.value == name]


def _variables(info: Info[Any, Any]) -> Any:
    # Strawberry hands resolvers the coerced values only; graphql-core wants its container.
    given: Any = info._raw_info.variable_values
    return VariableValues({}, given) if isinstance(given, dict) else given


def _one(
    info: Info[Any, Any], type_name: str, field: str, nodes: list[FieldNode], build: Build[T]
) -> T | None:
    """The one key that the selections `nodes` of `type_name.field` all load; None when they
    differ or their arguments are invalid (the field's own resolver then reports them)."""
    if not nodes:
        return None
    owner = info._raw_info.schema.get_type(type_name)
    assert isinstance(owner, GraphQLObjectType | GraphQLInterfaceType)
    variables = _variables(info)
    keys: set[T] = set()
    try:
        for node in nodes:
            keys.add(build(info, get_argument_values(owner.fields[field], node, variables)))
    except (CreditGraphError, GraphQLError, ValueError, TypeError, KeyError):
        return None
    return keys.pop() if len(keys) == 1 else None


def _window(info: Info[Any, Any], args: dict[str, Any]) -> Window:
    """A connection's window from its coerced arguments, as its resolver computes it. A window
    that needs the list's size first (`last` without `before`) is not prefetched."""
    win = window(
        _given(args.get("first")),
        _given(args.get("after")),
        info.context.settings.max_page_size,
        last=_given(args.get("last")),
        before=_given(args.get("before")),
    )
    if win.needs_total:
        raise ValueError("`last` without `before`: the window needs the total first")
    return win


def _role_query(info: Info[Any, Any], args: dict[str, Any]) -> RoleQuery:
    """`Person.roles`'s RoleQuery from its coerced arguments (as that resolver builds it)."""
    win = _window(info, args)
    exclude = _given(args.get("excludeOrganization"))
    return RoleQuery(
        _strings(args.get("roles")),
        _given(args.get("asOf")),
        win.skip,
        win.limit,
        str(exclude) if exclude else None,
    )


def list_entry_query(
    info: Info[Context, None],
    first: int | None,
    after: str | None,
    statuses: tuple[str, ...] | None,
    list_types: tuple[str, ...] | None,
    last: int | None = None,
    before: str | None = None,
) -> tuple[Window, ListEntryQuery]:
    """The loader key's query for a page of list entries (`Subject.listEntries` and lookahead
    build it here, so a prefetched page is found under the key its field asks for). Built once
    per request and arguments: the same for every organisation on a card, and the same day."""
    context = info.context
    args = ("listEntries", first, after, statuses, list_types, last, before)
    known: tuple[Window, ListEntryQuery] | None = context.keys.get(args)
    if known is None:
        max_page = context.settings.max_page_size
        win = window(first, after, max_page, last=last, before=before)
        vis = visibility_of(context.principal)
        q = ListEntryQuery(statuses, list_types, date.today(), win.skip, win.limit, vis)
        known = context.keys[args] = (win, q)
    return known


def _entries_query(info: Info[Any, Any], args: dict[str, Any]) -> ListEntryQuery:
    first, after = _given(args.get("first")), _given(args.get("after"))
    last, before = _given(args.get("last")), _given(args.get("before"))
    statuses, list_types = _strings(args.get("status")), _strings(args.get("listType"))
    win, q = list_entry_query(info, first, after, statuses, list_types, last, before)
    if win.needs_total:
        raise ValueError("`last` without `before`: the window needs the total first")
    return q


def _strings(values: Any) -> tuple[str, ...] | None:
    values = _given(values)
    return tuple(v.value if isinstance(v, Enum) else str(v) for v in values) if values else None


def _given(value: Any) -> Any:
    return None if value is Undefined else value


@dataclass(frozen=True)
class CardPlan:
    """What the selection under an organisation's role holders will load."""

    held: RoleQuery | None  # each person's own roles (`Person.roles`)
    entries: ListEntryQuery | None  # list entries of the organisations on those pages


@lru_cache(maxsize=4)
def _row_fields(schema: GraphQLSchema) -> frozenset[str]:
    """Fields of a held role's edge and organisation that are read from its row (no resolver)."""
    organization = schema.get_type(ORGANIZATION)
    edge = schema.get_type(HELD_EDGE)
    assert isinstance(organization, GraphQLInterfaceType)
    assert isinstance(edge, GraphQLObjectType)
    owners: list[GraphQLObjectType | GraphQLInterfaceType] = [
        edge,
        organization,
        *schema.get_implementations(organization).objects,
    ]
    return frozenset(
        name
        for owner in owners
        for name, field in owner.fields.items()
        if getattr(field.extensions.get("strawberry-definition"), "base_resolver", None) is None
    )


def _held_fields(
    info: Info[Any, Any], roles: list[FieldNode]
) -> tuple[list[FieldNode], list[FieldNode]]:
    """The fields selected on the edges and on the organisations of `Person.roles` nodes."""
    on_edges = _fields(
        info, _named(_fields(info, [n.selection_set for n in roles], None), "edges"), None
    )
    return on_edges, _fields(info, _named(on_edges, "node"), None)


def _brief(info: Info[Any, Any], on_edges: list[FieldNode], on_nodes: list[FieldNode]) -> bool:
    """Whether these selections read nothing of a held role's row beyond `BRIEF_FIELDS`."""
    selected = {f.name.value for f in (*on_edges, *on_nodes)}
    return not (selected - BRIEF_FIELDS) & _row_fields(info._raw_info.schema)


_BRIEF: dict[tuple[int, ...], tuple[tuple[FieldNode, ...], bool]] = {}


def brief_roles(info: Info[Any, Any]) -> bool:
    """Whether the `Person.roles` being resolved reads nothing of a role's row beyond
    `BRIEF_FIELDS` (a card's: role type, organisation's name), as `card_plan` decides it.
    Remembered per document node: `Person.roles` asks it for every person on a card."""
    nodes = tuple(info._raw_info.field_nodes)
    key = tuple(map(id, nodes))
    known = _BRIEF.get(key)
    if known is not None and all(a is b for a, b in zip(known[0], nodes, strict=True)):
        return known[1]
    brief = _brief(info, *_held_fields(info, list(nodes)))
    if len(_BRIEF) >= 1024:
        _BRIEF.clear()
    _BRIEF[key] = (nodes, brief)  # the nodes kept alive: their ids stay theirs
    return brief


def card_plan(info: Info[Any, Any], field_nodes: list[FieldNode] | None = None) -> CardPlan:
    """Read `roles { edges { node { ... on Person { roles(…) { edges { node {
    listEntries(…) } } } } } } }` under the connection being resolved (or `field_nodes`).
    Read once per request and selection: every organisation of a page asks it."""
    nodes_of_roles = info._raw_info.field_nodes if field_nodes is None else field_nodes
    key = ("card_plan", *map(id, nodes_of_roles))
    known: CardPlan | None = info.context.keys.get(key)
    if known is None:
        known = info.context.keys[key] = _card_plan(info, nodes_of_roles)
    return known


def _card_plan(info: Info[Any, Any], nodes_of_roles: list[FieldNode]) -> CardPlan:
    edges = _named(_fields(info, [n.selection_set for n in nodes_of_roles], None), "edges")
    nodes = _named(_fields(info, edges, None), "node")
    roles = [f for f in _fields(info, nodes, PERSON) if f.name.value == "roles"]
    held = _one(info, PERSON, "roles", roles, _role_query)
    if held is None:
        return CardPlan(None, None)
    on_edges, on_nodes = _held_fields(info, roles)
    held = replace(held, brief=_brief(info, on_edges, on_nodes))
    entries = [f for f in on_nodes if f.name.value == "listEntries"]
    return CardPlan(held, _one(info, ORGANIZATION, "listEntries", entries, _entries_query))


def _holders_query(info: Info[Any, Any], args: dict[str, Any]) -> RoleQuery:
    """`Organization.roles`'s RoleQuery from its coerced arguments (as that resolver builds it)."""
    win = _window(info, args)
    return RoleQuery(_strings(args.get("roles")), _given(args.get("asOf")), win.skip, win.limit)


def _card_key(sid: str, q: RoleQuery, plan: CardPlan) -> tuple[str, RoleQuery]:
    """The role-holders loader key for `q` with what the card's selection adds."""
    if plan.held is None:
        return sid, q
    return sid, replace(q, held=plan.held, entries=plan.entries)


def prefetch_role_holders(info: Info[Context, None], sid: str) -> None:
    """Start loading an organisation's role holders (with what `card_plan` adds) while the
    organisation itself loads: an entity card's first two round trips then run side by side.
    The `roles` field finds the load under its key; an unknown organisation just has none."""
    selection = [n.selection_set for n in info._raw_info.field_nodes]
    nodes = [f for f in _fields(info, selection, None) if f.name.value == "roles"]
    q = _one(info, ORGANIZATION, "roles", nodes, _holders_query)
    if q is None:
        return
    pending = info.context.loaders.role_holders.load(_card_key(sid, q, card_plan(info, nodes)))
    # Awaited by the `roles` field; when nobody does (no such organisation), its outcome is dropped.
    pending.add_done_callback(lambda done: done.cancelled() or done.exception())


async def prefetch_pages_role_holders(info: Info[Context, None], sids: list[str]) -> None:
    """Load the role holders that `edges { node { ... on Organization { roles(…) } } }` under
    the connection being resolved will ask of these organisations, in one batch, before their
    fields run: each `roles` then finds its page ready (`peek_role_holders`) and completes
    without a task of its own (a page of 100 enterprises spared 100 tasks, ~5 ms at 20k).

    Only for a flat page (searchSubjects): under `relatedParties` the same made the wide
    response slower, not faster (docs/adr/0005, "Deep synchronous completion")."""
    if not sids:
        return
    selection = [n.selection_set for n in info._raw_info.field_nodes]
    nodes = _named(_fields(info, _named(_fields(info, selection, None), "edges"), None), "node")
    roles = [f for f in _fields(info, nodes, ORGANIZATION) if f.name.value == "roles"]
    q = _one(info, ORGANIZATION, "roles", roles, _holders_query)
    if q is None:
        return
    plan = card_plan(info, roles)
    loader = info.context.loaders.role_holders
    # A failed load stays in the loader: each `roles` field reports it at its own path.
    await asyncio.gather(
        *(loader.load(_card_key(s, q, plan)) for s in sids), return_exceptions=True
    )


def peek_role_holders(info: Info[Context, None], sid: str, q: RoleQuery) -> Page | None:
    """An organisation's page of role holders if it is already loaded (or primed), with what
    it carries primed as `role_holders_page` does; None when it must be awaited."""
    plan = card_plan(info)
    page = info.context.loaders.role_holders.peek(_card_key(sid, q, plan))
    if page is not None:
        _prime_nested(info, plan, page)
    return page


async def role_holders_page(info: Info[Context, None], sid: str, q: RoleQuery) -> Page:
    """An organisation's page of role holders. When the selection goes on to the persons' own
    roles, those come in the same round trip, and when it goes on to those organisations' list
    entries, these come in the same transaction (`RoleQuery.entries`); both are primed into
    their loaders, so the nested resolvers complete without waiting."""
    plan = card_plan(info)
    page = await info.context.loaders.role_holders.load(_card_key(sid, q, plan))
    _prime_nested(info, plan, page)
    return page


def _prime_nested(info: Info[Context, None], plan: CardPlan, page: Page) -> None:
    """Prime the persons' roles and the organisations' list entries a page brought along."""
    loaders = info.context.loaders
    held = plan.held
    if held is None or not isinstance(page, HoldersPage):
        return
    for row in page.rows:  # `held` covers the whole batch: take this page's persons
        roles = page.held.get(row["sid"])
        if roles is not None:
            loaders.held_roles.prime_page((row["sid"], held), roles)
    if plan.entries is not None:
        for org, entries in page.entries.items():
            loaders.list_entries.prime_page((org, plan.entries), entries)
