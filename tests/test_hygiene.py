"""GraphQL and HTTP hygiene: introspection switch, batching, request size, error codes, content
negotiation, CORS and security headers.

Apps with other settings share the session's app database: `client_for` builds one with
`create_app(settings with overrides)` and hands it the running app's executor (no second
lifespan, no second driver). Tests without a database use small schemas of their own.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import httpx
import pytest
import strawberry
from graphql import ValidationContext, ValidationRule
from starlette.applications import Starlette
from stdnum.cn import uscc
from strawberry.extensions import AddValidationRules

from api.app import create_app
from api.auth import Role
from api.extensions.errors import MASKED_MESSAGE, CodedErrors
from api.graphql_http import GRAPHQL_RESPONSE, negotiate
from api.middleware import API_CSP, HSTS
from api.schema import CreditGraphSchema
from api.settings import Settings
from graph import errors as graph_errors

JSON_HEADERS = {"content-type": "application/json"}
WANTS_GRAPHQL_RESPONSE = {**JSON_HEADERS, "accept": GRAPHQL_RESPONSE}
SCHEMA_QUERY = "{ __schema { queryType { name } } }"
ENTERPRISE = "query($u: String!) { enterprise(uscc: $u) { uscc name } }"
UPSERT = """mutation($u: String!, $n: String!) {
  upsertEnterprise(input: {uscc: $u, name: $n}) { created } }"""


def new_uscc(n: int) -> str:
    body = f"91310000HY{n:07d}"
    return body + uscc.calc_check_digit(body)


ClientFor = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def client_for(app: Starlette, settings: Settings) -> ClientFor:
    """`async with client_for(field=value, …) as client`: an app with the session's settings plus
    those overrides (field names), anonymous, on the session's executor."""

    @asynccontextmanager
    async def open_client(**overrides: Any) -> AsyncIterator[httpx.AsyncClient]:
        other = create_app(settings.model_copy(update=overrides))
        other.state.executor = app.state.executor
        transport = httpx.ASGITransport(app=other)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client

    return open_client


def codes(body: Any) -> list[str]:
    return [e["extensions"]["code"] for e in body["errors"]]


def the_error(response: httpx.Response, status: int) -> dict[str, Any]:
    """The one coded error of a refused request (asserting the status and the JSON shape)."""
    assert response.status_code == status, response.text
    body = response.json()
    assert "data" not in body or body["data"] is None, body
    [error] = body["errors"]
    assert isinstance(error["extensions"]["code"], str)
    extensions: dict[str, Any] = error["extensions"]
    return {"message": error["message"], **extensions}


# --- introspection ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "switch", "expected"),
    [
        ("development", None, True),
        ("test", None, True),
        ("production", None, False),
        ("production", "true", True),
        ("development", "false", False),
    ],
)
def test_introspection_default_depends_on_the_environment(
    env: str, switch: str | None, expected: bool
) -> None:
    values = {"APP_ENV": env} | ({"GRAPHQL_INTROSPECTION": switch} if switch else {})
    assert Settings(_env_file=None, **values).introspection is expected  # type: ignore[call-arg]


@pytest.mark.db
async def test_introspection_answers_where_it_is_on(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": SCHEMA_QUERY})
    assert response.json() == {"data": {"__schema": {"queryType": {"name": "Query"}}}}


@pytest.mark.db
@pytest.mark.parametrize(
    "query",
    [
        SCHEMA_QUERY,
        '{ __type(name: "Query") { name } }',
        "{ ...F } fragment F on Query { __schema { types { name } } }",
        "{ __typename a: __schema { queryType { name } } }",
    ],
)
async def test_introspection_off_is_a_coded_refusal(client_for: ClientFor, query: str) -> None:
    async with client_for(graphql_introspection=False) as client:
        response = await client.post("/graphql", json={"query": query})
        refused = await client.post(
            "/graphql", json={"query": query}, headers=WANTS_GRAPHQL_RESPONSE
        )
        typename = await client.post("/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert codes(body) == ["FORBIDDEN"]
    assert "Introspection is disabled" in body["errors"][0]["message"]
    assert the_error(refused, 403)["code"] == "FORBIDDEN"
    assert typename.json() == {"data": {"__typename": "Query"}}


@pytest.mark.db
async def test_production_has_no_graphiql_and_no_introspection(client_for: ClientFor) -> None:
    async with client_for(app_env="production") as client:
        page = await client.get("/graphql", headers={"accept": "text/html"})
        introspection = await client.post("/graphql", json={"query": SCHEMA_QUERY})
    assert the_error(page, 404)["code"] == "NOT_FOUND"
    assert codes(introspection.json()) == ["FORBIDDEN"]


# --- batching ---------------------------------------------------------------------------------


@pytest.mark.db
async def test_a_batch_runs_in_order_each_operation_with_its_own_context(
    client: httpx.AsyncClient,
) -> None:
    company = new_uscc(1)
    batch = [
        {"query": ENTERPRISE, "variables": {"u": company}},
        {"query": UPSERT, "variables": {"u": company, "n": "批量测试一"}},
        {"query": ENTERPRISE, "variables": {"u": company}},
        {"query": "{ __typename }"},
    ]
    response = await client.post("/graphql", json=batch)
    assert response.status_code == 200, response.text
    first, upsert, after, typename = response.json()
    # A shared context would have served the third operation the first one's cached miss.
    assert codes(first) == ["NOT_FOUND"]
    assert upsert == {"data": {"upsertEnterprise": {"created": True}}}
    assert after == {"data": {"enterprise": {"uscc": company, "name": "批量测试一"}}}
    assert typename == {"data": {"__typename": "Query"}}


@pytest.mark.db
async def test_a_batch_above_the_limit_is_refused_before_anything_runs(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    company = new_uscc(2)
    limit = settings.max_batch_operations
    batch = [{"query": UPSERT, "variables": {"u": company, "n": "不应写入"}}] + [
        {"query": "{ __typename }"}
    ] * limit
    refused = the_error(await client.post("/graphql", json=batch), 400)
    assert refused["code"] == "LIMIT_EXCEEDED"
    assert (refused["limitName"], refused["limit"]) == ("batch", limit)
    check = await client.post("/graphql", json={"query": ENTERPRISE, "variables": {"u": company}})
    assert codes(check.json()) == ["NOT_FOUND"]


@pytest.mark.db
@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([], "at least one operation"),
        ([{"query": "{ __typename }"}, 5], "must be a JSON object"),
        ([{"query": "{ __typename }", "variables": []}], "`variables` must be an object"),
    ],
)
async def test_malformed_batches_are_refused(
    client: httpx.AsyncClient, body: list[Any], message: str
) -> None:
    refused = the_error(await client.post("/graphql", json=body), 400)
    assert refused["code"] == "BAD_USER_INPUT"
    assert message in refused["message"]


@pytest.mark.db
async def test_an_operation_refused_inside_a_batch_gets_its_own_error(
    client: httpx.AsyncClient,
) -> None:
    company = new_uscc(5)
    batch = [
        {"query": UPSERT, "variables": {"u": company, "n": "批量测试五"}},
        {"notquery": "{ __typename }"},
        {"query": "query A { __typename }", "operationName": "B"},
        {"query": "{ __typename }"},
    ]
    response = await client.post("/graphql", json=batch)
    assert response.status_code == 200, response.text
    upsert, missing, unknown, typename = response.json()
    # The first one ran: refusing the whole batch would hide that from the client.
    assert upsert == {"data": {"upsertEnterprise": {"created": True}}}
    assert codes(missing) == ["BAD_USER_INPUT"]
    assert codes(unknown) == ["BAD_USER_INPUT"]
    assert typename == {"data": {"__typename": "Query"}}


@pytest.mark.db
async def test_batching_can_be_turned_off(client_for: ClientFor) -> None:
    async with client_for(max_batch_operations=0) as client:
        response = await client.post("/graphql", json=[{"query": "{ __typename }"}])
        single = await client.post("/graphql", json={"query": "{ __typename }"})
    refused = the_error(response, 400)
    assert refused["code"] == "BAD_USER_INPUT"
    assert "Batching is off" in refused["message"]
    assert single.json() == {"data": {"__typename": "Query"}}


# --- request size -----------------------------------------------------------------------------

SMALL = 2048


async def chunks(total: int, size: int = 500) -> AsyncIterator[bytes]:
    """A JSON request body of `total` bytes, sent in pieces (chunked: no Content-Length)."""
    document = json.dumps({"query": "{ __typename }", "variables": {"pad": ""}})
    body = (document[:-3] + "x" * (total - len(document)) + document[-3:]).encode()
    assert len(body) == total
    for start in range(0, total, size):
        yield body[start : start + size]


@pytest.mark.db
async def test_a_body_over_the_limit_is_refused_before_parsing(client_for: ClientFor) -> None:
    async with client_for(max_request_bytes=SMALL) as client:
        # Not even JSON: a 400 would mean it was parsed.
        response = await client.post("/graphql", content=b"{" * (SMALL + 1), headers=JSON_HEADERS)
    refused = the_error(response, 413)
    assert refused == {
        "message": f"The request body is larger than {SMALL} bytes.",
        "code": "LIMIT_EXCEEDED",
        "limitName": "requestBytes",
        "limit": SMALL,
    }
    assert response.headers["connection"] == "close"


@pytest.mark.db
async def test_a_chunked_body_is_counted_as_it_arrives(client_for: ClientFor) -> None:
    async with client_for(max_request_bytes=SMALL) as client:
        over = await client.post("/graphql", content=chunks(SMALL + 1), headers=JSON_HEADERS)
        under = await client.post("/graphql", content=chunks(SMALL), headers=JSON_HEADERS)
    assert "content-length" not in over.request.headers
    assert the_error(over, 413)["limitName"] == "requestBytes"
    assert under.status_code == 200, under.text
    assert under.json() == {"data": {"__typename": "Query"}}


def test_request_size_setting_has_a_floor() -> None:
    with pytest.raises(ValueError, match="MAX_REQUEST_BYTES"):
        Settings(_env_file=None, MAX_REQUEST_BYTES=10)  # type: ignore[call-arg]


# --- refusals before execution: status and code -----------------------------------------------


@pytest.mark.db
async def test_a_mutation_over_get_is_refused_with_405_and_does_not_run(
    client: httpx.AsyncClient,
) -> None:
    company = new_uscc(3)
    document = 'mutation { upsertEnterprise(input: {uscc: "%s", name: "GET"}) { created } }'
    response = await client.get("/graphql", params={"query": document % company})
    refused = the_error(response, 405)
    assert refused["code"] == "BAD_USER_INPUT"
    assert response.headers["allow"] == "POST"
    check = await client.post("/graphql", json={"query": ENTERPRISE, "variables": {"u": company}})
    assert codes(check.json()) == ["NOT_FOUND"]


@pytest.mark.db
async def test_a_query_over_get_works(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", params={"query": "{ __typename }"})
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.db
@pytest.mark.parametrize(
    ("content", "headers", "status", "message"),
    [
        (b'{"query": "{ __typename }"}', {"content-type": "text/plain"}, 415, "application/json"),
        (b'{"query": "{ __typename }"}', {}, 415, "application/json"),
        (b"", JSON_HEADERS, 400, "not valid UTF-8 JSON"),
        (b'{"query": ', JSON_HEADERS, 400, "not valid UTF-8 JSON"),
        (b'{"query": "\xff\xfe"}', JSON_HEADERS, 400, "not valid UTF-8 JSON"),
        (b"[" * 50_000 + b"]" * 50_000, JSON_HEADERS, 400, "not valid UTF-8 JSON"),
        (b'"{ __typename }"', JSON_HEADERS, 400, "must be a JSON object"),
        (b"null", JSON_HEADERS, 400, "must be a JSON object"),
        (b'{"query": 1}', JSON_HEADERS, 400, "`query` must be a string"),
        (b'{"query": "{ a }", "variables": []}', JSON_HEADERS, 400, "`variables` must be"),
        (b'{"query": "{ a }", "operationName": 5}', JSON_HEADERS, 400, "`operationName`"),
        (b'{"query": "{ a }", "extensions": "x"}', JSON_HEADERS, 400, "`extensions` must be"),
        (b'{"notquery": "{ a }"}', JSON_HEADERS, 400, "No GraphQL query"),
        (b'{"query": "query A { a }", "operationName": "B"}', JSON_HEADERS, 400, "B"),
    ],
)
async def test_malformed_requests_get_a_coded_4xx(
    client: httpx.AsyncClient, content: bytes, headers: dict[str, str], status: int, message: str
) -> None:
    response = await client.post("/graphql", content=content, headers=headers)
    refused = the_error(response, status)
    assert refused["code"] == "BAD_USER_INPUT"
    assert message in refused["message"]
    assert response.headers["content-type"] == "application/json"


REQUIRED_CODES = {
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "BAD_USER_INPUT",
    "NOT_FOUND",
    "LIMIT_EXCEEDED",
    "UNAVAILABLE",
}
EXPECTED_ERRORS = [
    cls
    for cls in vars(graph_errors).values()
    if isinstance(cls, type)
    and issubclass(cls, graph_errors.CreditGraphError)
    and cls not in (graph_errors.CreditGraphError, graph_errors.QueryFailed)
]


def test_the_error_tree_has_every_documented_code() -> None:
    assert {cls.code for cls in EXPECTED_ERRORS} >= REQUIRED_CODES


@pytest.mark.parametrize("error_class", EXPECTED_ERRORS, ids=lambda cls: cls.code)
async def test_every_expected_error_keeps_its_code_and_message(
    error_class: type[graph_errors.CreditGraphError],
) -> None:
    @strawberry.type
    class Query:
        @strawberry.field
        def fail(self) -> str:
            raise error_class("what the client did wrong", limit=3)

    result = await CreditGraphSchema(query=Query, extensions=[CodedErrors]).execute("{ fail }")
    [error] = result.errors or []
    assert error.message == "what the client did wrong"
    assert error.extensions == {"code": error_class.code, "limit": 3}


# --- regressions found by tests/test_fuzz.py --------------------------------------------------


@pytest.mark.db
@pytest.mark.parametrize(
    "query",
    [
        '{ enterprise(uscc: "91110105MA01N0AA0Y") { } }',
        '{ subject(id: "x") { ... on PublicInstitution { } } }',
        "{ }",
        "{ ...F } fragment F on Query { }",
    ],
)
async def test_an_empty_selection_set_is_a_syntax_error(
    client: httpx.AsyncClient, query: str
) -> None:
    # graphql-core 3.3 accepts `{ }` where the spec does not; strawberry's depth limiter then
    # crashed, and the crash escaped the error masking ("max() arg is an empty sequence").
    body = (await client.post("/graphql", json={"query": query})).json()
    assert codes(body) == ["GRAPHQL_PARSE_FAILED"]
    assert "Expected Name" in body["errors"][0]["message"]


@pytest.mark.db
@pytest.mark.parametrize(
    "query",
    [
        "{ ...F }",
        "{ __typename ...n }",
        "{ ...G } fragment G on Query { __typename ...H }",
        "{ a: __typename ... on Query { ...Missing } }",
    ],
)
async def test_a_spread_of_an_undefined_fragment_is_a_validation_error(
    client: httpx.AsyncClient, query: str
) -> None:
    # strawberry's depth and alias limiters looked the fragment up and crashed (KeyError): an
    # INTERNAL error instead of the client's mistake.
    body = (await client.post("/graphql", json={"query": query})).json()
    assert set(codes(body)) == {"GRAPHQL_VALIDATION_FAILED"}
    assert any("Unknown fragment" in e["message"] for e in body["errors"])


SECRET = "secret detail of a crashing rule"


class CrashingRule(ValidationRule):
    def __init__(self, context: ValidationContext) -> None:
        raise RuntimeError(SECRET)


async def test_a_crash_outside_resolvers_is_masked_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    @strawberry.type
    class Query:
        ok: str = "ok"

    schema = CreditGraphSchema(
        query=Query, extensions=[CodedErrors, lambda: AddValidationRules([CrashingRule])]
    )
    with caplog.at_level(logging.ERROR, logger="creditgraph.errors"):
        result = await schema.execute("{ ok }")
    [error] = result.errors or []
    assert error.message == MASKED_MESSAGE
    assert error.extensions == {"code": "INTERNAL"}
    assert SECRET in caplog.text


# --- content negotiation ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/json"),
        ("", "application/json"),
        ("*/*", "application/json"),
        ("application/json", "application/json"),
        ("text/html", "application/json"),
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, application/json;q=0.9", GRAPHQL_RESPONSE),
        (f"application/json, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE};q=0.5, application/json", "application/json"),
        (f"{GRAPHQL_RESPONSE};q=0", "application/json"),
        (f"{GRAPHQL_RESPONSE};q=oops", "application/json"),
        (f"{GRAPHQL_RESPONSE}, application/*;q=0.2", GRAPHQL_RESPONSE),
    ],
)
def test_negotiation(accept: str | None, expected: str) -> None:
    assert negotiate(accept) == expected


@pytest.mark.db
@pytest.mark.parametrize(
    ("query", "variables", "code"),
    [
        ("{", None, "GRAPHQL_PARSE_FAILED"),
        ("{ noSuchField }", None, "GRAPHQL_VALIDATION_FAILED"),
        ("query($u: String!) { enterprise(uscc: $u) { name } }", {"u": 5}, "BAD_USER_INPUT"),
        ("{ " + " ".join(f"a{i}: __typename" for i in range(40)) + " }", None, "LIMIT_EXCEEDED"),
    ],
)
async def test_request_errors_per_media_type(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None, code: str
) -> None:
    payload = {"query": query, "variables": variables}
    legacy = await client.post("/graphql", json=payload)
    assert legacy.status_code == 200
    assert legacy.headers["content-type"] == "application/json"
    assert legacy.json()["data"] is None
    assert codes(legacy.json()) == [code]

    modern = await client.post("/graphql", json=payload, headers={"accept": GRAPHQL_RESPONSE})
    assert modern.status_code == 400
    assert modern.headers["content-type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"
    assert "data" not in modern.json()
    assert codes(modern.json()) == [code]


@pytest.mark.db
async def test_refusals_by_role_are_401_and_403_for_the_new_media_type(
    client: httpx.AsyncClient, token: Callable[..., str]
) -> None:
    audit = {"query": "{ auditEvents(first: 1) { totalCount } }"}
    cases = [
        ({"authorization": "Bearer not-a-token"}, 401, "UNAUTHENTICATED"),
        ({"authorization": ""}, 401, "UNAUTHENTICATED"),  # anonymous public
        ({"authorization": f"Bearer {token(Role.DASHBOARD)}"}, 403, "FORBIDDEN"),
    ]
    for headers, status, code in cases:
        legacy = await client.post("/graphql", json=audit, headers=headers)
        assert legacy.status_code == 200
        assert codes(legacy.json()) == [code]
        modern = await client.post(
            "/graphql", json=audit, headers={**headers, "accept": GRAPHQL_RESPONSE}
        )
        assert modern.status_code == status, modern.text
        assert codes(modern.json()) == [code]
        assert (modern.headers.get("www-authenticate") == "Bearer") is (status == 401)


@pytest.mark.db
async def test_field_errors_keep_200_and_data_with_either_media_type(
    client: httpx.AsyncClient,
) -> None:
    # NOT_FOUND is a field error (it has a path): the request was fine, the field is null.
    payload = {"query": ENTERPRISE, "variables": {"u": new_uscc(4)}}
    for accept in ("application/json", GRAPHQL_RESPONSE):
        response = await client.post("/graphql", json=payload, headers={"accept": accept})
        assert response.status_code == 200
        body = response.json()
        assert body["data"] == {"enterprise": None}
        assert codes(body) == ["NOT_FOUND"]
        assert body["errors"][0]["path"] == ["enterprise"]


# --- CORS -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", []),
        ("https://a.example", ["https://a.example"]),
        ("https://a.example, https://b.example", ["https://a.example", "https://b.example"]),
        ('["https://a.example", "https://b.example"]', ["https://a.example", "https://b.example"]),
    ],
)
def test_cors_origins_from_the_environment(
    value: str, expected: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CORS_ORIGINS", value)
    assert Settings(_env_file=None).cors_origins == expected  # type: ignore[call-arg]


PREFLIGHT = {
    "origin": "https://dash.example",
    "access-control-request-method": "POST",
    "access-control-request-headers": "authorization, content-type",
}


@pytest.mark.db
async def test_no_cors_by_default(client: httpx.AsyncClient) -> None:
    preflight = await client.options("/graphql", headers=PREFLIGHT)
    post = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"origin": "https://dash.example"}
    )
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.status_code == 405
    assert "access-control-allow-origin" not in post.headers


@pytest.mark.db
async def test_cors_for_the_configured_origins_only(client_for: ClientFor) -> None:
    async with client_for(cors_origins=["https://dash.example"]) as client:
        allowed = await client.options("/graphql", headers=PREFLIGHT)
        other = await client.options(
            "/graphql", headers={**PREFLIGHT, "origin": "https://evil.example"}
        )
        post = await client.post(
            "/graphql",
            json={"query": "{ __typename }"},
            headers={"origin": "https://dash.example"},
        )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://dash.example"
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in allowed.headers
    assert other.status_code == 400
    assert "access-control-allow-origin" not in other.headers
    assert post.headers["access-control-allow-origin"] == "https://dash.example"


# --- security headers -------------------------------------------------------------------------

ALWAYS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


@pytest.mark.db
async def test_security_headers_on_every_response(client_for: ClientFor) -> None:
    async with client_for(max_request_bytes=SMALL) as client:
        responses = {
            "graphql": await client.post("/graphql", json={"query": "{ __typename }"}),
            "graphql GET": await client.get("/graphql", params={"query": "{ __typename }"}),
            "refused": await client.post("/graphql", content=b"x", headers=JSON_HEADERS),
            "too large": await client.post("/graphql", content=b"x" * (SMALL + 1)),
            "method": await client.put("/graphql"),
            "healthz": await client.get("/healthz"),
            "missing": await client.get("/nothing-here"),
        }
    for name, response in responses.items():
        for header, value in ALWAYS.items():
            assert response.headers.get(header) == value, (name, header)
        assert response.headers["content-security-policy"] == API_CSP, name
        assert "strict-transport-security" not in response.headers, name
        graphql = response.request.url.path == "/graphql"
        assert (response.headers.get("cache-control") == "no-store") is graphql, name


@pytest.mark.db
async def test_hsts_only_behind_tls(client_for: ClientFor) -> None:
    async with client_for(behind_tls=True) as client:
        response = await client.get("/healthz")
    assert response.headers["strict-transport-security"] == HSTS


@pytest.mark.db
async def test_graphiql_page_is_served_by_the_service_under_a_self_only_policy(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    policy = {
        name: sources
        for name, _, sources in (
            directive.partition(" ")
            for directive in page.headers["content-security-policy"].split("; ")
        )
    }
    assert policy["script-src"] == "'self'"
    assert policy["connect-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["default-src"] == "'none'"
    html = page.text
    assert not re.search(r"https?://", html), "the page names another host"
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "an inline script"
    assert "<noscript>" in html
    for asset, kind in re.findall(r'(?:src|href)="(/graphql/assets/[^"]+\.(js|css))"', html):
        response = await client.get(asset)
        assert response.status_code == 200, asset
        assert ("javascript" if kind == "js" else "css") in response.headers["content-type"]
        assert b"unpkg.com" not in response.content
