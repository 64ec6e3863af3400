"""The lexical guard of `runCypher`: the first of four layers (guard, READ transaction that is
always rolled back, time limit and row cap, protected keys stripped from the results).

It reads the analyst's text as tokens (graph/analyst/lexer.py: strings, comments and backticked
names are never mistaken for keywords) and refuses:

* anything that writes or administers: CREATE, MERGE, SET, DELETE, DETACH, REMOVE, FOREACH,
  LOAD CSV, INSERT, DROP, ALTER, GRANT, SHOW, TERMINATE, USE, … (FORBIDDEN);
* any procedure call: `CALL` is allowed only as a `CALL (…) { … }` subquery, whose body is
  checked like the rest;
* more than one statement (`;`), EXPLAIN/PROFILE and CYPHER options (BAD_USER_INPUT);
* functions not on the list below (no APOC, no `db.*`, no database ids).

For a caller without personal-data rights it also refuses, naming the property (FORBIDDEN):
identifiers, backticked names, parameter names and string literals that mention a protected
Person property (`MODEL.protected_properties`); dynamic property access `x[…]` other than an
integer index or slice; `keys()`, `properties()` and the `{.*}` projection; and any use of a
node, relationship or path other than reading named properties, returning it whole or passing it
to a structural function (graph/analyst/entities.py: ArcadeDB turns `p + ''` into a text holding
every property).

Words inside string literals and comments are data: `WHERE s.name CONTAINS 'CREATE'` runs, and
comments are dropped before the text reaches the database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph.analyst import entities
from graph.analyst.lexer import Kind, Token, fold, normalised, tokenize
from graph.analyst.structure import Structure, keywords, words
from graph.errors import BadUserInput, Forbidden
from graph.model import MODEL

WRITES = keywords("create merge set delete detach nodetach remove foreach load insert")
ADMIN = keywords(
    "drop alter rename grant deny revoke show terminate use deallocate reallocate dryrun "
    "transactions periodic"
)
NOT_SUPPORTED = keywords("explain profile cypher")

# Neo4j 5 built-in functions an analyst may call (lower case; names are case-insensitive).
FUNCTIONS = words(
    """
    avg collect count max min percentilecont percentiledisc stdev stdevp sum
    coalesce endnode head last length nullif randomuuid size startnode timestamp toboolean
    tobooleanornull tofloat tofloatornull tointeger tointegerornull type valuetype char_length
    character_length labels nodes range reduce relationships reverse tail tobooleanlist
    tofloatlist tointegerlist tostringlist all any exists isempty none single isnan
    abs ceil floor rand round sign e exp log log10 sqrt acos asin atan atan2 cos cot degrees
    haversin pi radians sin tan
    btrim left lower ltrim normalize replace right rtrim split substring tolower tostring
    tostringornull toupper trim upper
    date datetime localdatetime localtime time duration point distance
    shortestpath allshortestpaths
    date.truncate datetime.truncate localdatetime.truncate localtime.truncate time.truncate
    datetime.fromepoch datetime.fromepochmillis duration.between duration.indays
    duration.inmonths duration.inseconds point.distance point.withinbbox
    """
)
PERSONAL_FUNCTIONS = frozenset({"keys", "properties"})
DATABASE_IDS = frozenset({"id", "elementid"})
_PROTECTED = {n.lower(): n for n in MODEL.protected_properties}
_MENTION = re.compile(
    r"(?<![A-Za-z0-9_])("
    + "|".join(map(re.escape, sorted(MODEL.protected_properties)))
    + r")(?![A-Za-z0-9_])",
    re.I,
)
_INDEX = re.compile(r"(?:0x[0-9A-Fa-f_]+|0o[0-7_]+|[0-9][0-9_]*)")


@dataclass(frozen=True)
class Checked:
    """A query the guard let through: the text to run (normalised) and its parameter names."""

    text: str
    params: frozenset[str]


def protected_mention(text: str) -> str | None:
    """The protected property a piece of text mentions as a word, if any (case-insensitive)."""
    m = _MENTION.search(text if text.isascii() else fold(text))
    return _PROTECTED[m.group(1).lower()] if m else None


def _protected(name: str, where: str) -> Forbidden:
    return Forbidden(
        f"{name} is protected personal data, which your role may not read ({where})",
        property=name,
    )


def check(query: str, *, personal_data: bool) -> Checked:
    """Check the analyst's text; return what may run, or raise FORBIDDEN / BAD_USER_INPUT."""
    tokens = tokenize(query)
    if tokens and tokens[-1].kind is Kind.SYMBOL and tokens[-1].value == ";":
        tokens = tokens[:-1]  # one trailing semicolon, as cypher-shell users type it
    if not tokens:
        raise BadUserInput("the query is empty")
    s = Structure(tokens)
    for i, t in enumerate(tokens):
        _check_token(s, i, t, personal_data)
    if not personal_data:
        entities.check(s)
    params = frozenset(t.value for t in tokens if t.kind is Kind.PARAM)
    return Checked(text=normalised(tokens), params=params)


def _check_token(s: Structure, i: int, t: Token, personal_data: bool) -> None:
    if t.kind is Kind.SYMBOL and t.value == ";":
        raise BadUserInput(f"one statement per query: remove the ';' at {t.where()}")
    if s.is_keyword(i):
        word = t.upper
        if word in WRITES or word in ADMIN:
            raise Forbidden(
                f"runCypher only reads: {word} is not allowed ({t.where()})", keyword=word
            )
        if word in NOT_SUPPORTED:
            raise BadUserInput(f"{word} is not supported through runCypher ({t.where()})")
        if word == "CALL":
            _check_call(s, i, t)
    if t.kind is Kind.SYMBOL and t.value == "(" and s.kind[i] == "call":
        _check_function(s.call[i], s.tokens[s.call_start[i]], personal_data)
    if personal_data:
        return
    if t.kind in (Kind.WORD, Kind.NAME, Kind.PARAM):
        name = _PROTECTED.get(fold(t.value).lower())
        if name is not None:
            raise _protected(name, t.where())
    if t.kind is Kind.STRING and (name := protected_mention(t.value)) is not None:
        raise _protected(name, f"a string literal at {t.where()} mentions it")
    if t.kind is Kind.SYMBOL and t.value == "[" and s.kind[i] == "subscript":
        inner = s.tokens[i + 1 : s.close[i]]
        if not inner or not all(_index_part(x) for x in inner):
            raise Forbidden(
                f"dynamic property access x[…] could reveal protected personal data; only an "
                f"integer index or slice such as x[0] or x[1..3] is allowed ({t.where()})"
            )
    if t.kind is Kind.SYMBOL and t.value == "." and s.sym(i + 1, "*"):
        raise Forbidden(
            f"the all-properties projection {{.*}} could reveal protected personal data; name "
            f"the properties ({t.where()})"
        )


def _index_part(t: Token) -> bool:
    if t.kind is Kind.NUMBER:
        return bool(_INDEX.fullmatch(t.value))
    return t.kind is Kind.SYMBOL and t.value in ("..", "-", "+")


def _check_call(s: Structure, i: int, t: Token) -> None:
    if s.sym(i + 1, "(") and s.kind[i + 1] == "scope" and s.sym(s.close[i + 1] + 1, "{"):
        return
    if s.sym(i + 1, "{"):
        raise BadUserInput(
            f"write a subquery as CALL (variables) {{ … }}, the variable-scope form ({t.where()})"
        )
    raise Forbidden(f"procedure calls are not allowed through runCypher ({t.where()})")


def _check_function(name: str, at: Token, personal_data: bool) -> None:
    if name in DATABASE_IDS:
        raise BadUserInput(
            f"{name}() returns internal database ids; use business keys such as sid or uscc "
            f"({at.where()})"
        )
    if name in PERSONAL_FUNCTIONS:
        if personal_data:
            return
        raise Forbidden(
            f"{name}() could reveal protected personal data; name the properties you need "
            f"({at.where()})"
        )
    if name not in FUNCTIONS:
        raise Forbidden(f"function {name}() is not available through runCypher ({at.where()})")


def check_params(params: Mapping[str, Any], *, personal_data: bool) -> None:
    """Refuse parameter values (and map keys) that mention a protected property by name."""
    if personal_data:
        return

    def walk(value: Any) -> None:
        if isinstance(value, str):
            if (name := protected_mention(value)) is not None:
                raise _protected(name, "a parameter value mentions it")
        elif isinstance(value, Mapping):
            for k, v in value.items():
                walk(str(k))
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)

    for key, value in params.items():
        if (name := protected_mention(key)) is not None:
            raise _protected(name, "a parameter name mentions it")
        walk(value)
