"""The permission matrix: every root operation × every role, generated from api/permissions.py and
the schema, each with a minimal valid document; plus the guarded fields and hidden arguments.

An allowed role never gets FORBIDDEN or UNAUTHENTICATED (its resolver runs and may answer
BAD_USER_INPUT or NOT_FOUND for the dummy arguments); any other role gets only FORBIDDEN, or
UNAUTHENTICATED when it is the anonymous public, with no data: nothing ran.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    Undefined,
    get_named_type,
    is_composite_type,
)

from api.auth import Role
from api.permissions import (
    FIELDS,
    HIDDEN_ARGUMENTS,
    MUTATIONS,
    QUERIES,
    TRIAGE_MUTATIONS,
    WORKSPACE_MUTATIONS,
    stale,
    undeclared,
)
from api.schema import schema
from tests.conftest import GQL

GRAPHQL = schema._schema
DENIED = {"FORBIDDEN", "UNAUTHENTICATED"}
ANONYMOUS = "anonymous"  # no token at all: the public, unauthenticated
CALLERS: list[Role | str] = [ANONYMOUS, *Role]
PURPOSE = {"x-purpose": "permission matrix test"}
NOBODY = "P0000000000000000"  # a well-formed person id nobody has


# -- declarations (no database) ----------------------------------------------------------------
def test_every_root_field_is_declared() -> None:
    assert undeclared(GRAPHQL) == [], "declare these in api/permissions.py"


def test_no_declaration_names_what_the_schema_lacks() -> None:
    assert stale(GRAPHQL) == []


def test_every_mutation_is_for_officers_and_admins_only() -> None:
    own = WORKSPACE_MUTATIONS | TRIAGE_MUTATIONS
    changes = {n: m for n, m in MUTATIONS.items() if n not in own}
    assert {m.roles for m in changes.values()} == {(Role.OFFICER, Role.ADMIN)}
    # The workspace (watches, read marks) changes no credit data: investigators keep their own.
    workspace = {MUTATIONS[n].roles for n in WORKSPACE_MUTATIONS}
    assert workspace == {(Role.INVESTIGATOR, Role.OFFICER, Role.ADMIN)}
    assert {MUTATIONS[n].roles for n in TRIAGE_MUTATIONS} == {(Role.INVESTIGATOR, Role.OFFICER)}


# -- minimal documents -------------------------------------------------------------------------
def _literal(kind: GraphQLInputType) -> str:
    """A value of the input type, in GraphQL syntax: dummy, but well-formed."""
    if isinstance(kind, GraphQLNonNull):
        return _literal(kind.of_type)
    if isinstance(kind, GraphQLList):
        return f"[{_literal(kind.of_type)}]"
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values))
    if isinstance(kind, GraphQLInputObjectType):
        required = [
            f"{name}: {_literal(f.type)}"
            for name, f in kind.fields.items()
            if isinstance(f.type, GraphQLNonNull) and f.default_value is Undefined
        ]
        return "{" + ", ".join(required) + "}"
    assert isinstance(kind, GraphQLScalarType)
    return {
        "ID": json.dumps(NOBODY),
        "String": '"x"',
        "Int": "1",
        "Float": "0.5",
        "Boolean": "false",
        "Date": json.dumps(date.today().isoformat()),
        "DateTime": '"2024-01-01T00:00:00+00:00"',
    }[kind.name]


def minimal_document(operation: str, name: str, field: GraphQLField) -> str:
    """`name` with its required arguments only, selecting `__typename` below it."""
    args = [
        f"{arg}: {_literal(a.type)}"
        for arg, a in field.args.items()
        if isinstance(a.type, GraphQLNonNull) and a.default_value is Undefined
    ]
    call = f"{name}({', '.join(args)})" if args else name
    selection = " { __typename }" if is_composite_type(get_named_type(field.type)) else ""
    return f"{operation} {{ {call}{selection} }}"


def matrix() -> list[tuple[str, str, Role | str]]:
    cases = []
    for operation, root in (("query", GRAPHQL.query_type), ("mutation", GRAPHQL.mutation_type)):
        assert root is not None
        for name, field in root.fields.items():
            for caller in CALLERS:
                cases.append(
                    (f"{operation}.{name}", minimal_document(operation, name, field), caller)
                )
    return cases


def allowed(coordinate: str, caller: Role | str) -> bool:
    operation, _, name = coordinate.partition(".")
    table = MUTATIONS if operation == "mutation" else QUERIES
    role = Role.PUBLIC if caller == ANONYMOUS else caller
    return role in table[name].roles


@pytest.fixture
def ask(gql: GQL, token: Callable[..., str]) -> Callable[..., Any]:
    """`await ask(document, caller)`: post as that caller (a role, or the anonymous public)."""

    async def post(document: str, caller: Role | str, **headers: str) -> dict[str, Any]:
        bearer = "" if caller == ANONYMOUS else f"Bearer {token(caller)}"
        return await gql(document, authorization=bearer, **headers)

    return post


def codes(body: dict[str, Any]) -> set[str]:
    return {e.get("extensions", {}).get("code") for e in body.get("errors") or ()}


def assert_refused(body: dict[str, Any], caller: Role | str) -> None:
    assert body.get("data") is None, body
    expected = {"UNAUTHENTICATED"} if caller == ANONYMOUS else {"FORBIDDEN"}
    assert codes(body) == expected, body


def assert_let_through(body: dict[str, Any]) -> None:
    assert not codes(body) & DENIED, body
    assert "INTERNAL" not in codes(body), body


# -- the matrix --------------------------------------------------------------------------------
@pytest.mark.db
async def test_every_root_operation_for_every_role(ask: Callable[..., Any]) -> None:
    """One test over the whole matrix (a request each), so a failure lists every wrong cell."""
    wrong: list[str] = []
    for coordinate, document, caller in matrix():
        body = await ask(document, caller, **PURPOSE)
        ok = allowed(coordinate, caller)
        try:
            assert_let_through(body) if ok else assert_refused(body, caller)
        except AssertionError:
            wrong.append(f"{coordinate} × {caller} (allowed={ok}): {body.get('errors')}")
    assert wrong == [], "\n".join(wrong)


# Guarded fields below the root: a document reaching each. A new entry in FIELDS needs one here.
GUARDED = {
    "Subject.grade": '{ subject(id: "%s") { grade { grade } } }' % NOBODY,
    "Subject.riskIndicators": '{ subject(id: "%s") { riskIndicators { id } } }' % NOBODY,
    "Person.personalData": '{ person(id: "%s") { personalData { birthDate } } }' % NOBODY,
}


def test_every_guarded_field_has_a_document() -> None:
    assert set(GUARDED) == set(FIELDS)


@pytest.mark.db
@pytest.mark.parametrize("coordinate", sorted(GUARDED))
async def test_guarded_fields_for_every_role(ask: Callable[..., Any], coordinate: str) -> None:
    roles = FIELDS[coordinate].roles
    for caller in CALLERS:
        body = await ask(GUARDED[coordinate], caller, **PURPOSE)
        if caller in roles:
            assert_let_through(body)
            assert codes(body) == {"NOT_FOUND"}, body  # it ran: there is no such subject
        else:
            assert_refused(body, caller)


@pytest.mark.db
async def test_an_interface_rule_covers_fragments_on_concrete_types(
    ask: Callable[..., Any],
) -> None:
    """`Subject.grade` guards `Enterprise.grade` too, however the selection is spelled."""
    documents = [
        '{ subject(id: "%s") { ... on Enterprise { grade { grade } } } }' % NOBODY,
        '{ subject(id: "%s") { ...G } } fragment G on Organization { riskIndicators { id } }'
        % NOBODY,
        '{ searchSubjects(query: "x", first: 1) { edges { node { ... on Person { g: grade '
        "{ grade } } } } } }",
    ]
    for document in documents:
        for caller in (ANONYMOUS, Role.PUBLIC, Role.DASHBOARD):
            assert_refused(await ask(document, caller), caller)
        assert_let_through(await ask(document, Role.ANALYST))


@pytest.mark.db
async def test_aliases_fragments_and_skipped_fields_do_not_slip_through(
    ask: Callable[..., Any],
) -> None:
    documents = [
        "{ audit: auditEvents(first: 1) { totalCount } }",
        "{ ...A } fragment A on Query { auditEvents(first: 1) { totalCount } }",
        "{ ... on Query { auditEvents(first: 1) { totalCount } } }",
        "{ ...A } fragment A on Query { ...B } fragment B on Query { auditEvents(first: 1) "
        "{ totalCount } }",
        "query($no: Boolean! = true) { measures { code } auditEvents(first: 1) @skip(if: $no) "
        "{ totalCount } }",
    ]
    for document in documents:
        for caller in (Role.OFFICER, Role.INVESTIGATOR, Role.DASHBOARD):
            assert_refused(await ask(document, caller), caller)
        assert_let_through(await ask(document, Role.ADMIN))


@pytest.mark.db
async def test_one_refused_field_refuses_the_whole_operation(ask: Callable[..., Any]) -> None:
    body = await ask("{ measures { code } stats { start } }", Role.PUBLIC)
    assert_refused(body, Role.PUBLIC)
    (error,) = body["errors"]
    assert error["extensions"]["field"] == "Query.stats"


@pytest.mark.db
async def test_only_the_executed_operation_is_checked(
    client: httpx.AsyncClient, token: Callable[..., str]
) -> None:
    document = (
        "query Open { measures { code } } query Closed { auditEvents(first: 1) { totalCount } }"
    )
    public = {"authorization": f"Bearer {token(Role.PUBLIC)}"}

    async def run(name: str) -> dict[str, Any]:
        payload = {"query": document, "operationName": name}
        body: dict[str, Any] = (await client.post("/graphql", json=payload, headers=public)).json()
        return body

    assert "errors" not in await run("Open")
    assert_refused(await run("Closed"), Role.PUBLIC)


# Hidden arguments: a revealing value for each declaration. A new entry needs one here.
PAST = (date.today() - timedelta(days=30)).isoformat()
REVEALING = {
    ("Subject.flags", "includeEnded"): '{ subject(id: "%s") { flags(includeEnded: true) { id } } }',
    ("Subject.flags", "asOf"): '{ subject(id: "%s") { flags(asOf: "' + PAST + '") { id } } }',
    ("Query.flags", "includeEnded"): '{ flags(subjectId: "%s", includeEnded: true) { id } }',
    ("Query.flags", "asOf"): '{ flags(subjectId: "%s", asOf: "' + PAST + '") { id } }',
    ("Subject.listEntries", "status"): (
        '{ subject(id: "%s") { listEntries(first: 1, status: [ACTIVE, EXPIRED]) { totalCount } } }'
    ),
    ("Query.listEntries", "status"): (
        '{ listEntries(subjectId: "%s", first: 1, status: [REMOVED]) { totalCount } }'
    ),
    ("Query.listEntries", "filter"): (
        '{ listEntries(first: 1, filter: {subjectId: "%s", status: [EXPIRED]}) { totalCount } }'
    ),
    ("Query.measures", "published"): "{ measures(published: false) { code } }",
}


def test_every_hidden_argument_has_a_document() -> None:
    assert set(REVEALING) == {(h.field, h.argument) for h in HIDDEN_ARGUMENTS}


@pytest.mark.db
@pytest.mark.parametrize("case", sorted(REVEALING))
async def test_hidden_arguments_are_refused_to_published_only_roles(
    ask: Callable[..., Any], case: tuple[str, str]
) -> None:
    document = REVEALING[case].replace("%s", NOBODY)
    for caller in (ANONYMOUS, Role.PUBLIC, Role.DASHBOARD):
        body = await ask(document, caller)
        assert body.get("data") is None, body
        assert codes(body) == {"FORBIDDEN"}, body
        assert body["errors"][0]["extensions"]["argument"] == case[1]
    for caller in (Role.INVESTIGATOR, Role.OFFICER, Role.ANALYST, Role.ADMIN):
        assert_let_through(await ask(document, caller))


@pytest.mark.db
async def test_refusals_of_authenticated_callers_are_audited(
    ask: Callable[..., Any], token: Callable[..., str], gql: GQL
) -> None:
    admin = f"Bearer {token(Role.ADMIN)}"
    trail = """query($actor: String) { auditEvents(first: 5, actor: $actor) { totalCount
      edges { node { operation outcome role detail } } } }"""

    async def trail_of(actor: str) -> dict[str, Any]:
        body = await gql(trail, {"actor": actor}, authorization=admin)
        connection: dict[str, Any] = body["data"]["auditEvents"]
        return connection

    nosy = f"nosy-{uuid.uuid4().hex[:8]}"
    document = "{ auditEvents(first: 1) { totalCount } }"
    anonymous_before = (await trail_of("anonymous"))["totalCount"]
    refused = await gql(document, authorization=f"Bearer {token(Role.OFFICER, nosy)}")
    assert_refused(refused, Role.OFFICER)
    assert_refused(await ask(document, ANONYMOUS), ANONYMOUS)

    (event,) = [e["node"] for e in (await trail_of(nosy))["edges"]]
    assert (event["operation"], event["outcome"], event["role"]) == (
        "auditEvents",
        "REFUSED",
        "officer",
    )
    assert event["detail"].startswith("FORBIDDEN: ")
    assert (await trail_of("anonymous"))["totalCount"] == anonymous_before  # not logged


def test_a_hidden_argument_judges_values_as_graphql_gives_them() -> None:
    (status,) = [
        h for h in HIDDEN_ARGUMENTS if (h.field, h.argument) == ("Query.listEntries", "status")
    ]
    (in_filter,) = [
        h for h in HIDDEN_ARGUMENTS if (h.field, h.argument) == ("Query.listEntries", "filter")
    ]
    (as_of,) = [h for h in HIDDEN_ARGUMENTS if (h.field, h.argument) == ("Query.flags", "asOf")]
    today = date(2025, 6, 1)
    assert not status.refuses(None, today)
    assert not status.refuses(["ACTIVE", "OBJECTION_PENDING"], today)
    assert status.refuses(["ACTIVE", "EXPIRED"], today)
    assert status.refuses("REMOVED", today)
    assert not in_filter.refuses({"subjectId": "X"}, today)
    assert not in_filter.refuses({"status": ["ACTIVE"]}, today)
    assert in_filter.refuses({"status": ["REMOVED"]}, today)
    assert not as_of.refuses("2025-06-01", today)
    assert not as_of.refuses(date(2025, 7, 1), today)
    assert as_of.refuses("2025-05-31", today)
    assert as_of.refuses("not a date", today)  # refused rather than guessed
