"""Depth, alias, token and cost limits: expensive documents are refused before anything runs.

Most tests use small standalone schemas with the project's extensions built from explicit
`Settings` (no database). The last ones go through the real app over HTTP.
"""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import pytest
import strawberry
from graphql import get_introspection_query, parse
from strawberry.types import ExecutionResult

from api.extensions.cost import CostHint, cost_hint, query_cost
from api.extensions.errors import CodedErrors
from api.extensions.limits import limit_extensions
from api.extensions.parse_cache import CachedParse
from api.extensions.rules import selection_count
from api.schema import CreditGraphSchema, schema
from api.settings import Settings, get_settings

LIMITS: dict[str, Any] = {
    "MAX_QUERY_DEPTH": 10,
    "MAX_ALIASES": 30,
    "MAX_TOKENS": 2000,
    "MAX_QUERY_COST": 50_000,
    "MAX_PAGE_SIZE": 100,
}


# A recursive schema: as deep and as wide as a test needs.
@strawberry.type
class Node:
    name: str = "n"

    @strawberry.field
    def child(self) -> Node:
        return Node()

    @strawberry.field
    def children(self, first: int) -> list[Node]:
        return [Node() for _ in range(min(first, 2))]


@strawberry.type
class NodeQuery:
    @strawberry.field
    def node(self) -> Node:
        return Node()


def limited_schema(**overrides: Any) -> CreditGraphSchema:
    settings = Settings(_env_file=None, **{**LIMITS, **overrides})
    return CreditGraphSchema(
        query=NodeQuery, extensions=[CodedErrors, *limit_extensions(lambda: settings)]
    )


def nested(levels: int) -> str:
    """`{ node { child { … { name } } } }` with `levels` nested selection sets."""
    return "{ node " + "{ child " * (levels - 1) + "{ name }" + " }" * (levels - 1) + " }"


def limit_errors(result: ExecutionResult) -> list[dict[str, Any]]:
    return [
        e.extensions or {}
        for e in result.errors or []
        if (e.extensions or {}).get("code") == "LIMIT_EXCEEDED"
    ]


def the_limit_error(result: ExecutionResult) -> dict[str, Any]:
    """The one error of a rejected operation, which must be a limit error."""
    assert result.data is None
    assert result.errors is not None
    assert len(result.errors) == 1, result.errors
    extensions = result.errors[0].extensions or {}
    assert extensions["code"] == "LIMIT_EXCEEDED"
    return extensions


# --- depth, aliases, tokens -------------------------------------------------------------------


async def test_depth_limit_counts_nested_selection_sets() -> None:
    s = limited_schema()
    assert (await s.execute(nested(10))).errors is None
    rejected = the_limit_error(await s.execute(nested(11)))
    assert rejected == {"code": "LIMIT_EXCEEDED", "limitName": "depth", "limit": 10}
    assert the_limit_error(await s.execute(nested(20)))["limitName"] == "depth"


async def test_depth_limit_follows_fragments() -> None:
    # the same 11 levels as nested(11), through a fragment
    fragment = "fragment B on Node " + "{ child " * 10 + "{ name }" + " }" * 10
    result = await limited_schema().execute("{ node { ...B } } " + fragment)
    assert the_limit_error(result)["limitName"] == "depth"


async def test_depth_limit_comes_from_the_settings() -> None:
    assert (await limited_schema(MAX_QUERY_DEPTH=25).execute(nested(20))).errors is None
    rejected = the_limit_error(await limited_schema(MAX_QUERY_DEPTH=5).execute(nested(6)))
    assert rejected["limit"] == 5


async def test_alias_limit() -> None:
    s = limited_schema()
    thirty = "{ " + " ".join(f"a{i}: node {{ name }}" for i in range(30)) + " }"
    forty = "{ " + " ".join(f"a{i}: node {{ name }}" for i in range(40)) + " }"
    assert (await s.execute(thirty)).errors is None
    rejected = the_limit_error(await s.execute(forty))
    assert rejected == {"code": "LIMIT_EXCEEDED", "limitName": "aliases", "limit": 30}


async def test_token_limit_counts_comments_too() -> None:
    s = limited_schema()
    huge = "{ " + " ".join(["__typename"] * 2500) + " }"
    rejected = the_limit_error(await s.execute(huge))
    assert rejected == {"code": "LIMIT_EXCEEDED", "limitName": "tokens", "limit": 2000}
    padded = "{ node { name } }\n" + "#\n" * 2500
    assert the_limit_error(await s.execute(padded))["limitName"] == "tokens"


async def test_introspection_nesting_is_limited_but_graphiql_introspection_passes() -> None:
    s = limited_schema()
    nested_introspection = (
        "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"
    )
    rejected = the_limit_error(await s.execute(nested_introspection))
    assert rejected == {"code": "LIMIT_EXCEEDED", "limitName": "introspectionDepth", "limit": 3}
    graphiql = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
    )
    assert (await schema.execute(graphiql)).errors is None  # the real schema, default limits


async def test_fragment_bomb_is_rejected_in_linear_time() -> None:
    # Each fragment spreads the previous one twice: 2**21 selections once expanded. Walking the
    # expansion, as strawberry's depth and alias limiters do, takes seconds here (and doubles
    # with each further fragment).
    fragments = ["fragment F0 on NodeQuery { a: __typename }"] + [
        f"fragment F{i} on NodeQuery {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, 22)
    ]
    document = "{ ...F21 }\n" + "\n".join(fragments)
    assert selection_count(parse(document)) == 2**21
    started = time.perf_counter()
    result = await limited_schema().execute(document)
    assert time.perf_counter() - started < 2
    rejected = the_limit_error(result)
    assert rejected["limitName"] == "cost"
    assert rejected["cost"] == 2**21


async def test_fragments_chained_beyond_the_recursion_limit_are_a_limit_error() -> None:
    chain = "\n".join(
        f"fragment C{i} on NodeQuery {{ node {{ name }} ...C{i + 1} }}" for i in range(2000)
    )
    document = "{ ...C0 }\n" + chain + "\nfragment C2000 on NodeQuery { __typename }"
    result = await limited_schema(MAX_TOKENS=50_000).execute(document)
    assert result.data is None
    assert {e["limitName"] for e in limit_errors(result)} == {"depth", "aliases"}
    assert all((e.extensions or {}).get("code") != "INTERNAL" for e in result.errors or [])


# --- the cost calculator ----------------------------------------------------------------------


@strawberry.type
class Product:
    name: str = "p"
    price: int = 1


@strawberry.type
class ProductEdge:
    node: Product = strawberry.field(default_factory=Product)


@strawberry.type
class ProductConnection:
    edges: list[ProductEdge] = strawberry.field(default_factory=list)
    total_count: int = 0


@strawberry.type
class Person:
    name: str = "x"


@strawberry.type
class Shop:
    name: str = "s"
    tags: list[str] = strawberry.field(default_factory=list)
    owners: list[Person] = strawberry.field(default_factory=list)
    staff: list[Person] = strawberry.field(default_factory=list, metadata=cost_hint(multiplier=3))
    audit: str = strawberry.field(default="", metadata=cost_hint(base=50))

    @strawberry.field
    def products(self, first: int) -> ProductConnection:
        return ProductConnection()

    @strawberry.field(metadata=cost_hint(base=20))
    def related(self, first: int) -> list[Shop]:
        return []


@strawberry.type
class ShopQuery:
    @strawberry.field
    def shop(self) -> Shop:
        return Shop()

    @strawberry.field
    def shops(self, first: int = 5) -> list[Shop]:
        return []


SHOP_SCHEMA = strawberry.Schema(query=ShopQuery)


def cost(document: str, **options: Any) -> int:
    return query_cost(SHOP_SCHEMA._schema, parse(document), default_list_size=100, **options)


PRODUCTS = "products(first: 10) { totalCount edges { node { name price } } }"


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        # shop 1 + name 1
        ("{ shop { name } }", 2),
        ("{ __typename shop { __typename } }", 3),
        # a list of scalars is one field
        ("{ shop { tags } }", 2),
        # products 1 + 10 × (totalCount 1 + edges (1 + node (1 + 2))); edges is not multiplied
        (f"{{ shop {{ {PRODUCTS} }} }}", 1 + 1 + 10 * (1 + 1 + 1 + 2)),
        # `shops` has `first: Int = 5`
        ("{ shops { name } }", 1 + 5 * 1),
        ("{ shops(first: 2) { name } }", 1 + 2 * 1),
        # a list without `first`: the default list size
        ("{ shop { owners { name } } }", 1 + 1 + 100 * 1),
        # declared in metadata: multiplier 3; base 50
        ("{ shop { staff { name } } }", 1 + 1 + 3 * 1),
        ("{ shop { audit } }", 1 + 50),
        # `first: 0` still counts the subtree once
        ("{ shop { products(first: 0) { totalCount } } }", 1 + 1 + 1 * 1),
        # 100 × 100 × 100, with `related` declaring base 20
        (
            "{ shops(first: 100) { related(first: 100) { related(first: 100) { name } } } }",
            1 + 100 * (20 + 100 * (20 + 100 * 1)),
        ),
        # introspection: 1 per field, never multiplied
        ("{ __schema { types { name fields { name } } } }", 1 + 1 + (1 + (1 + 1))),
    ],
)
def test_cost_of_fields_and_lists(document: str, expected: int) -> None:
    assert cost(document) == expected


def test_cost_resolves_variables_and_their_defaults() -> None:
    document = f"query($n: Int = 3) {{ shop {{ {PRODUCTS.replace('10', '$n')} }} }}"
    assert cost(document, variables={"n": 20}) == 1 + 1 + 20 * 5
    assert cost(document) == 1 + 1 + 3 * 5
    # a value that is no number: the default list size (coercion rejects it later)
    assert cost(document, variables={"n": "many"}) == 1 + 1 + 100 * 5


def test_cost_follows_fragments_and_inline_fragments() -> None:
    document = """
      { shop { ...S ... on Shop { owners { name } } } }
      fragment S on Shop { name ... on Shop { products(first: 2) { ...P } } }
      fragment P on ProductConnection { totalCount edges { node { name } } }
    """
    # S: name 1 + products (1 + 2 × (totalCount 1 + edges (1 + node (1 + 1)))) = 1 + 9
    # inline: owners 1 + 100 × 1
    assert cost(document) == 1 + (1 + 9) + (1 + 100)


def test_cost_of_a_fragment_cycle_terminates() -> None:
    document = "{ shop { ...A } } fragment A on Shop { name ...B } fragment B on Shop { ...A }"
    assert cost(document) == 1 + 1


def test_cost_of_reused_fragments_is_computed_once() -> None:
    fragments = ["fragment F0 on Shop { name }"] + [
        f"fragment F{i} on Shop {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, 61)
    ]
    assert cost("{ shop { ...F60 } }\n" + "\n".join(fragments)) == 1 + 2**60


def test_cost_of_the_chosen_operation() -> None:
    document = "query Small { shop { name } } query Big { shops(first: 50) { name } }"
    assert cost(document, operation_name="Small") == 2
    assert cost(document, operation_name="Big") == 1 + 50
    assert cost(document) == 1 + 50  # no name: the costliest


def test_registered_hints_win_over_metadata() -> None:
    hints = {"Shop.owners": CostHint(multiplier=2), "Shop.audit": CostHint(base=5)}
    assert cost("{ shop { owners { name } audit } }", hints=hints) == 1 + (1 + 2 * 1) + 5
    with pytest.raises(ValueError, match="base"):
        CostHint(base=0)


def test_default_cost_limit_admits_the_entity_card_but_not_three_pages_of_a_hundred() -> None:
    limit = Settings.model_fields["max_query_cost"].default
    # The shape of the entity-card benchmark: 20 roles × 20 other roles × 10 list entries.
    card = "{ shop { name related(first: 20) { name related(first: 20) { name " + (
        "products(first: 10) { edges { node { name } } } } } } }"
    )
    assert cost(card) < limit
    hundreds = "{ shop { related(first: 100) { related(first: 100) { products(first: 100) " + (
        "{ edges { node { name } } } } } } }"
    )
    assert cost(hundreds) > limit


async def test_cost_limit_rejects_with_the_cost_and_the_limit() -> None:
    s = CreditGraphSchema(
        query=ShopQuery,
        extensions=[
            CodedErrors,
            *limit_extensions(lambda: Settings(_env_file=None, MAX_QUERY_COST=500)),
        ],
    )
    ok = await s.execute("query($n: Int!) { shops(first: $n) { name } }", {"n": 499})
    assert ok.errors is None
    rejected = the_limit_error(
        await s.execute("query($n: Int!) { shops(first: $n) { name } }", {"n": 500})
    )
    assert rejected == {"code": "LIMIT_EXCEEDED", "limitName": "cost", "limit": 500, "cost": 501}


# --- through the real app ---------------------------------------------------------------------


async def post(client: httpx.AsyncClient, query: str) -> tuple[httpx.Response, dict[str, Any]]:
    response = await client.post("/graphql", json={"query": query})
    assert response.status_code < 500, response.text
    assert "Traceback" not in response.text
    body: dict[str, Any] = response.json()
    for error in body.get("errors", []):
        assert set(error.get("extensions", {})) <= {"code", "limitName", "limit", "cost"}
    return response, body


def http_limit_errors(body: dict[str, Any]) -> list[dict[str, Any]]:
    return [e["extensions"] for e in body["errors"] if e["extensions"]["code"] == "LIMIT_EXCEEDED"]


@pytest.mark.db
async def test_deep_query_is_refused_over_http(client: httpx.AsyncClient) -> None:
    # 20 levels; the fields below `legalRepresentatives { person` do not exist, which validation
    # reports too: the depth limit holds whatever else is wrong.
    deep = (
        '{ enterprise(uscc: "91110000600037341L") { legalRepresentatives { person '
        + "{ more " * 17
        + "{ name }"
        + " }" * 17
        + " } } }"
    )
    _, body = await post(client, deep)
    assert body["data"] is None
    assert http_limit_errors(body) == [
        {"code": "LIMIT_EXCEEDED", "limitName": "depth", "limit": get_settings().max_query_depth}
    ]


@pytest.mark.db
async def test_aliases_and_huge_documents_are_refused_over_http(
    client: httpx.AsyncClient,
) -> None:
    aliases = "{ " + " ".join(f"a{i}: __typename" for i in range(40)) + " }"
    _, body = await post(client, aliases)
    assert [e["limitName"] for e in http_limit_errors(body)] == ["aliases"]
    huge = "{ " + " ".join(["__typename"] * (get_settings().max_tokens + 1)) + " }"
    _, body = await post(client, huge)
    assert [e["limitName"] for e in http_limit_errors(body)] == ["tokens"]
    assert json.dumps(body).count("LIMIT_EXCEEDED") == 1


@pytest.mark.db
async def test_parse_and_validation_errors_have_codes_over_http(
    client: httpx.AsyncClient,
) -> None:
    _, body = await post(client, '{ enterprise(uscc: "x"')
    assert [e["extensions"]["code"] for e in body["errors"]] == ["GRAPHQL_PARSE_FAILED"]
    _, body = await post(client, "{ noSuchField }")
    assert [e["extensions"]["code"] for e in body["errors"]] == ["GRAPHQL_VALIDATION_FAILED"]


@pytest.mark.db
async def test_a_document_is_parsed_once_and_a_bad_one_reported_every_time(
    client: httpx.AsyncClient,
) -> None:
    cache: Any = CachedParse().cached_parse_document  # an lru_cache
    alias = f"t{time.monotonic_ns()}"  # a text no test sent before
    text = f"{{ __typename {alias}: __typename }}"
    before = cache.cache_info()
    answers = [(await post(client, text))[1] for _ in range(3)]
    after = cache.cache_info()
    assert answers == [{"data": {"__typename": "Query", alias: "Query"}}] * 3
    assert (after.misses - before.misses, after.hits - before.hits) == (1, 2)
    # A text that does not parse is never cached: each request reports the error afresh.
    for _ in range(2):
        _, body = await post(client, "{ __typename")
        assert [e["extensions"]["code"] for e in body["errors"]] == ["GRAPHQL_PARSE_FAILED"]
    assert cache.cache_info().currsize == after.currsize
