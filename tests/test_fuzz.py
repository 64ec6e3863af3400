"""Fuzz: thousands of generated requests through the real app never get a 5xx or an unmasked error.

Documents come from `hypothesis-graphql` over `schema.graphql` (valid ones and ones with one
schema violation), from random edits of valid ones, from garbage, and from operations whose
variables have the wrong JSON types; bodies and parameters come from Hypothesis's JSON-like
values. They go through the ASGI app in-process against the throwaway database, which holds the
`network` scenario so that some generated keys find real subjects.

Generation is deterministic (`derandomize=True`, no example database) and runs before the
requests are sent: Hypothesis draws the cases, then the test sends each one and checks the
answer (`assert_clean`). A failure names the request, which reproduces it.

Mutations are never executed: valid ones are sent with GET (refused with 405 before anything
runs), invalid ones with POST (refused by validation), so the fuzz writes nothing.

Invariants of every response: status below 500; a JSON body; every error has `extensions.code`;
an INTERNAL error says exactly the masked message; no traceback, no Python exception class name,
no fragment of any Cypher statement anywhere in the text. And no INTERNAL error at all for these
inputs: masked or not, each one is a bug (the log holds its traceback).

Size: about 2,240 requests from 2,140 generated cases; roughly 20 s of CPU (generation and the
app) on the 2-core machine, plus the database's time. `pytest -s` prints the figures per test.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import graphql
import httpx
import hypothesis_graphql as hg
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from api.extensions.errors import MASKED_MESSAGE
from api.schema import SCHEMA_FILE
from graph.executor import Executor
from graph.identifiers import person_key
from graph.importer import import_files

pytestmark = pytest.mark.db

ROOT = Path(__file__).resolve().parents[1]
SDL = SCHEMA_FILE.read_text()
SCHEMA = graphql.build_schema(SDL)
SCENARIO = ROOT / "seeds" / "scenarios" / "network.jsonl"
KEY = b"test-hash-key"  # the test settings' CREDITGRAPH_ID_HASH_KEY
USCCS = [
    "91110105MA01N0AA0Y",
    "91110105MA01N0BB0M",
    "91110108MA01N0CC0P",
    "91110108MA01N0DD0E",
    "91110101MA01N0EE00",
]
PIDS = [person_key(n, KEY).pid for n in ("110105198001010016", "110108198503030032")]
KNOWN_KEYS = [*USCCS, *PIDS]

T = TypeVar("T")


def cases(strategy: st.SearchStrategy[T], count: int) -> list[T]:
    """`count` examples of `strategy`, the same ones on every run."""
    drawn: list[T] = []

    @settings(
        max_examples=count,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(case: T) -> None:
        drawn.append(case)

    started = time.process_time()
    collect()
    print(f"\nfuzz: {len(drawn)} cases generated in {time.process_time() - started:.1f} s CPU")
    return drawn


# --- scalars: known keys, garbage, dates, and numbers small, negative and huge -------------------


def _string(value: str) -> graphql.StringValueNode:
    return graphql.StringValueNode(value=value)


def _int(value: int) -> graphql.IntValueNode:
    return graphql.IntValueNode(value=str(value))


KEYS = st.sampled_from(KNOWN_KEYS)
TEXT = st.text(max_size=24)
STRINGS = st.one_of(KEYS, TEXT, st.sampled_from(["", "%", "'", "\\", "$uscc", "a" * 300]))
# Values each scalar accepts: the documents stay valid, so most of them reach the resolvers.
SCALARS: dict[str, st.SearchStrategy[graphql.ValueNode]] = {
    "ID": st.one_of(KEYS, TEXT).map(_string),
    "String": STRINGS.map(_string),
    "Int": st.one_of(st.integers(0, 5), st.integers(-3, 150), st.integers(-(2**31), 2**31 - 1)).map(
        _int
    ),
    "Date": st.dates(date(1900, 1, 1), date(2100, 12, 31)).map(date.isoformat).map(_string),
    "DateTime": st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1))
    .map(datetime.isoformat)
    .map(_string),
}
# Values a scalar refuses too: huge numbers, impossible dates, text for dates.
WILD_SCALARS: dict[str, st.SearchStrategy[graphql.ValueNode]] = {
    **SCALARS,
    "Int": st.one_of(st.integers(-3, 150), st.integers(-(10**30), 10**30)).map(_int),
    "Date": st.one_of(
        st.dates(date(1900, 1, 1), date(2100, 12, 31)).map(date.isoformat),
        st.sampled_from(["2024-02-30", "0000-00-00", "2024-13-01", "yesterday", "9999-12-31"]),
        TEXT,
    ).map(_string),
    "DateTime": st.one_of(
        st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1)).map(datetime.isoformat), TEXT
    ).map(_string),
}


def _per_root_field(
    generate: Callable[..., st.SearchStrategy[str]],
    root: graphql.GraphQLObjectType | None,
    scalars: dict[str, st.SearchStrategy[graphql.ValueNode]],
) -> st.SearchStrategy[str]:
    """Documents of one root field each, every root field equally likely (and far quicker to
    generate than documents selecting several root fields)."""
    assert root is not None
    return st.one_of(
        *(generate(SCHEMA, fields=[name], custom_scalars=scalars) for name in root.fields)
    )


VALID_QUERIES = _per_root_field(hg.queries, SCHEMA.query_type, SCALARS)
WILD_QUERIES = _per_root_field(hg.queries, SCHEMA.query_type, WILD_SCALARS)
VALID_MUTATIONS = _per_root_field(hg.mutations, SCHEMA.mutation_type, SCALARS)
# One schema violation each (a wrong argument type, a missing required argument, …).
INVALID_QUERIES = hg.queries(SCHEMA, custom_scalars=WILD_SCALARS, mode=hg.Mode.NEGATIVE)
INVALID_MUTATIONS = hg.mutations(SCHEMA, custom_scalars=WILD_SCALARS, mode=hg.Mode.NEGATIVE)


@cache
def valid_queries() -> list[str]:
    """The valid documents, generated once: sent as they are and edited into invalid ones."""
    return cases(VALID_QUERIES, 250)


# --- random edits of valid documents -------------------------------------------------------------

SNIPPETS = [
    "{", "}", "(", ")", "[", "]", ":", "$", "$x", "...", "... on Query", "@skip(if: true)",
    "@include(if: $nope)", '"', '"""', "\\u0000", "\x00", "99999999999999999999999", "-0.0e999",
    "1e309", "__schema { types { name } }", "__type(name: \"Query\") { name }", "__typename",
    "fragment F on Query { __typename }", "...F", "#", "\n", "mutation", "subscription",
    "query Q", "first: -1", "first: 2147483648", "first: 1.5", "null", "true", "\u2028", "é",
]  # fmt: skip


@st.composite
def edited_queries(draw: st.DrawFn) -> str:
    document = draw(st.sampled_from(valid_queries()))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(document)))
        kind = draw(st.sampled_from(["delete", "insert", "duplicate", "number"]))
        if kind == "delete":
            document = document[:at] + document[at + draw(st.integers(1, 12)) :]
        elif kind == "insert":
            piece = draw(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=6)))
            document = document[:at] + piece + document[at:]
        elif kind == "duplicate":
            document = document[:at] + document[at : at + draw(st.integers(1, 40))] + document[at:]
        else:
            huge = draw(st.sampled_from(["4294967296", "-9" * 40, "1e400", "0x10", "007"]))
            document = re.sub(r"\b\d+\b", huge, document, count=1)
    return document


GARBAGE = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(SNIPPETS), max_size=30).map(" ".join),
    st.integers(1, 400).map(lambda n: "{ a " * n + "}" * n),
    st.integers(1, 400).map(lambda n: "query($v: Int = " + "[" * n + "]" * n + ") { __typename }"),
    st.binary(max_size=64).map(lambda b: b.decode("latin-1")),
)

# --- variables of the wrong type -----------------------------------------------------------------

TYPED_OPERATIONS = [
    'query($n: Int!) { searchSubjects(query: "a", first: $n) { totalCount } }',
    "query($id: ID!, $d: Int!) { relatedParties(id: $id, maxDepth: $d, first: 2) { totalCount } }",
    "query($u: String!) { enterprise(uscc: $u) { name } }",
    "query($f: Date, $t: Date) { stats(from: $f, to: $t) { __typename } }",
    "query($id: ID!, $s: [ListEntryStatus!]) "
    "{ listEntries(subjectId: $id, status: $s, first: 3) { totalCount } }",
]
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=6,
)
VARIABLE_CASES = st.tuples(
    st.sampled_from(TYPED_OPERATIONS),
    st.dictionaries(
        st.sampled_from(["n", "id", "d", "u", "f", "t", "s", "extra"]),
        st.one_of(
            JSON_VALUES,
            st.sampled_from(KNOWN_KEYS),
            st.integers(-(10**40), 10**40),
            st.sampled_from([2**31, -(2**31) - 1, 1e308, "2024-02-30", ["ACTIVE", "NOPE"]]),
        ),
        max_size=4,
    ),
)

# --- whole bodies: any JSON, parameters of any type, bytes, content types -------------------------

PARAMETERS = st.fixed_dictionaries(
    {},
    optional={
        "query": st.one_of(JSON_VALUES, st.just("{ __typename }")),
        "variables": JSON_VALUES,
        "operationName": JSON_VALUES,
        "extensions": JSON_VALUES,
    },
)
CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "application/json; charset=utf-8",
        "APPLICATION/JSON",
        "application/graphql",
        "text/plain",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
        "",
        "application/json; charset=latin-1",
        "\x7f",
    ]
)
ACCEPTS = st.sampled_from(
    [
        "",
        "*/*",
        "application/json",
        "application/graphql-response+json",
        "application/graphql-response+json;q=0.5, application/json",
        "text/html",
        "image/png;q=abc",
    ]
)


@dataclass
class Body:
    content: bytes
    content_type: str
    accept: str


# Python's decoder accepts these; a variable must still never reach a resolver as NaN.
NON_STANDARD_JSON = [
    b'{"query": "query($n: Int!) { searchSubjects(query: \\"a\\", first: $n) { totalCount } }",'
    b' "variables": {"n": %s}}' % number
    for number in (b"NaN", b"Infinity", b"-Infinity", b"1e999", b"-0")
]
BODIES = st.builds(
    Body,
    content=st.one_of(
        JSON_VALUES.map(lambda v: json.dumps(v).encode()),
        PARAMETERS.map(lambda v: json.dumps(v).encode()),
        st.lists(PARAMETERS, max_size=4).map(lambda v: json.dumps(v).encode()),
        st.binary(max_size=80),
        st.integers(1, 5000).map(lambda n: b"[" * n + b"]" * n),
        st.sampled_from(NON_STANDARD_JSON),
    ),
    content_type=CONTENT_TYPES,
    accept=ACCEPTS,
)

# --- the invariants ------------------------------------------------------------------------------

TRACEBACK = re.compile(r"Traceback \(most recent call last\)|File \"[^\"]+\", line \d+")
EXCEPTION_NAME = re.compile(r"\b[A-Za-z_]\w*(?:Error|Exception)\b")
CYPHER_HINT = re.compile(r"\b(?:MATCH|MERGE|RETURN|UNWIND|WITH|CALL|CREATE|DELETE|SET)\b")
CYPHER_IN_TEXT = re.compile(r"\b(?:OPTIONAL MATCH|MATCH|MERGE)\s*\(\w*\s*:")


def _cypher_fragments() -> list[str]:
    """Every distinctive line of every Cypher statement (no header comments, no short lines)."""
    fragments: set[str] = set()
    for path in (ROOT / "cypher").rglob("*.cypher"):
        for line in path.read_text().splitlines():
            text = line.strip()
            if len(text) >= 16 and not text.startswith("//"):
                fragments.add(text)
    assert len(fragments) > 100, "cypher/ not found"
    return sorted(fragments)


CYPHER_FRAGMENTS = _cypher_fragments()


def _errors(body: Any) -> Iterable[dict[str, Any]]:
    for result in body if isinstance(body, list) else [body]:
        assert isinstance(result, dict), result
        assert "data" in result or "errors" in result, result
        yield from result.get("errors") or []


def assert_clean(response: httpx.Response, request: object) -> None:
    """The invariants above, with the request in every failure message."""
    context = f"request: {request!r}\nstatus: {response.status_code}\nbody: {response.text[:2000]}"
    assert response.status_code < 500, context
    text = response.text
    assert not TRACEBACK.search(text), context
    assert not EXCEPTION_NAME.search(text), context
    if CYPHER_HINT.search(text):
        assert not CYPHER_IN_TEXT.search(text), context
        assert not any(fragment in text for fragment in CYPHER_FRAGMENTS), context
    try:
        body = response.json()
    except ValueError:
        raise AssertionError(f"not JSON\n{context}") from None
    for error in _errors(body):
        code = (error.get("extensions") or {}).get("code")
        assert isinstance(code, str), context
        assert code, context
        if code == "INTERNAL":
            assert error["message"] == MASKED_MESSAGE, context
    if response.status_code >= 400:
        assert list(_errors(body)), context


@dataclass(frozen=True)
class Call:
    """One HTTP request to /graphql."""

    method: str = "POST"
    json: Any = None
    content: bytes | None = None
    params: dict[str, str] | None = None
    headers: dict[str, str] = field(default_factory=dict)


def post(document: str, variables: Any = None, **headers: str) -> Call:
    return Call(json={"query": document, "variables": variables}, headers=headers)


def get(document: str) -> Call:
    return Call(method="GET", params={"query": document})


CONCURRENCY = 6  # requests in flight: the database's latency overlaps, the checks do not wait


async def send_all(
    client: httpx.AsyncClient, name: str, calls: list[Call], minimum: int
) -> tuple[Counter[int], Counter[str]]:
    """Send every call, check every answer, and return the statuses and outcomes seen.

    Prints what it did (`pytest -s` shows it): cases, seconds to generate and to send.
    """
    generated, cpu = time.perf_counter(), time.process_time()
    assert len(calls) >= minimum, f"{name}: only {len(calls)} cases generated"
    statuses: Counter[int] = Counter()
    outcomes: Counter[str] = Counter()  # error codes seen, "data" for answers without errors
    gate = asyncio.Semaphore(CONCURRENCY)

    async def one(call: Call) -> None:
        async with gate:
            response = await client.request(
                call.method,
                "/graphql",
                json=call.json,
                content=call.content,
                params=call.params,
                headers=call.headers,
            )
        statuses[response.status_code] += 1
        assert_clean(response, call)
        body = response.json()
        for result in body if isinstance(body, list) else [body]:
            found = {e["extensions"]["code"] for e in result.get("errors") or []}
            outcomes.update(found or {"data"})
            # Masked, but a bug all the same: the log has the traceback.
            assert "INTERNAL" not in found, f"unexpected error for {call!r}: {response.text}"

    await asyncio.gather(*(one(call) for call in calls))
    print(
        f"\nfuzz {name}: {len(calls)} requests, sent in {time.perf_counter() - generated:.1f} s"
        f" ({time.process_time() - cpu:.1f} s CPU), statuses {dict(statuses)},"
        f" outcomes {dict(outcomes.most_common())}"
    )
    return statuses, outcomes


# --- the tests -----------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
async def network(executor: Executor) -> None:
    """Real subjects for the known keys (imported, not emptied: other tests' data stays)."""
    summary = await import_files(executor, [SCENARIO], id_key=KEY, progress=False)
    assert summary.rejected == 0


ANONYMOUS = {"authorization": ""}  # the client fixture sends an officer's token otherwise


async def test_valid_queries(client: httpx.AsyncClient) -> None:
    documents = valid_queries()
    calls = [post(d) for d in documents] + [post(d, **ANONYMOUS) for d in documents[::5]]
    calls += [get(d) for d in documents[1::5]]
    statuses, outcomes = await send_all(client, "valid queries", calls, minimum=340)
    assert set(statuses) == {200}  # application/json: request and field errors ride on 200
    assert outcomes["data"] >= len(calls) // 6, "too few generated queries reach the resolvers"


async def test_invalid_queries(client: httpx.AsyncClient) -> None:
    calls = [post(d) for d in cases(INVALID_QUERIES, 150) + cases(WILD_QUERIES, 100)]
    await send_all(client, "invalid queries", calls, 235)


async def test_edited_queries(client: httpx.AsyncClient) -> None:
    await send_all(client, "edited queries", [post(d) for d in cases(edited_queries(), 800)], 750)


async def test_garbage_documents(client: httpx.AsyncClient) -> None:
    await send_all(client, "garbage documents", [post(d) for d in cases(GARBAGE, 250)], 230)


async def test_variables_of_the_wrong_type(client: httpx.AsyncClient) -> None:
    calls = [post(document, variables) for document, variables in cases(VARIABLE_CASES, 250)]
    await send_all(client, "variables", calls, 230)


async def test_bodies_parameters_and_content_types(client: httpx.AsyncClient) -> None:
    calls = [
        Call(content=b.content, headers={"content-type": b.content_type, "accept": b.accept})
        for b in cases(BODIES, 250)
    ]
    await send_all(client, "bodies", calls, 230)


async def test_mutations_never_run(client: httpx.AsyncClient) -> None:
    valid = cases(VALID_MUTATIONS, 40)
    statuses, _ = await send_all(client, "mutations over GET", [get(d) for d in valid], 38)
    assert statuses == {405: len(valid)}
    invalid = [
        post(d)
        for d in cases(INVALID_MUTATIONS, 50)
        if graphql.validate(SCHEMA, graphql.parse(d))  # never one that would run
    ]
    await send_all(client, "invalid mutations", invalid, 45)
