"""Where a node, relationship or path may appear in a query run without personal-data rights.

Why a guard needs this: ArcadeDB turns an entity into text holding every property wherever text
is wanted. `p + ''`, `left(p, 99)`, `p =~ '.*'`, `{a: p} + ''` and `min(p) + ''` all expose the
protected properties, and once they are text the result filter cannot strip them (measured on
arcadedb-embedded 26.10; Neo4j raises a type error for each). So a variable bound to an entity
(or to a list of them) may only be:

* read through a property or a label: `p.name`, `p:Person`, `p {.name}`;
* returned or passed on whole: `RETURN p`, `WITH p AS q`, `UNWIND ps AS p`, `CALL (p) {…}`
  (the result filter strips protected keys from what comes back);
* given to a structural function: count, size, labels, type, length, isEmpty (a number or names
  come back) or collect, nodes, relationships, head, last, tail, startNode, endNode (entities
  come back, and are checked in turn);
* compared with another entity (`a <> b`), tested (`p IS NULL`, `p IN ps`), iterated
  (`x IN ps`), concatenated with another entity list (`ps + qs`), or used in a pattern.

Anything else (an operator, another function, CASE, a list or map literal, ORDER BY) is refused,
naming the variable. Names are tracked across the whole query: an over-approximation, since a
name once bound to an entity stays one.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.analyst.lexer import Kind
from graph.analyst.structure import Structure, keywords, words
from graph.errors import Forbidden

ONE, MANY = "one", "many"
CONSUMING = frozenset({"count", "size", "labels", "type", "length", "isempty"})
PASSING = {
    "collect": MANY,
    "nodes": MANY,
    "relationships": MANY,
    "tail": MANY,
    "head": ONE,
    "last": ONE,
    "startnode": ONE,
    "endnode": ONE,
}
OPERATORS = words("+ - * / % ^ =~ < > <= >= = <> != || +=")
ITEM_END = keywords(
    "return with match optional order skip limit offset union unwind call where finish"
)
PATTERN_WORDS = ("MATCH", "WHERE", "AND", "OR", "XOR", "NOT")
PATH_START = ("SHORTESTPATH", "ALLSHORTESTPATHS", "ANY", "ALL", "SHORTEST")


@dataclass(frozen=True)
class Unit:
    """Tokens start..end that evaluate to an entity (ONE) or a list of entities (MANY)."""

    start: int
    end: int
    kind: str


def check(s: Structure) -> None:
    """Raise FORBIDDEN at the first entity used where it could turn into text."""
    names = bindings(s)
    for i, t in enumerate(s.tokens):
        if not _is_variable(s, names, i):
            continue
        unit = _extend(s, names, i)
        if unit is not None and not _allowed(s, names, unit):
            raise Forbidden(
                f"{t.value} holds a node, relationship or path, which may only be read through "
                f"its properties ({t.value}.name), returned whole, compared with another one or "
                f"given to count, size, labels, type, length, collect, nodes, relationships, "
                f"head, last, startNode or endNode: used like this it could reveal protected "
                f"personal data ({t.where()})",
                variable=t.value,
            )


def bindings(s: Structure) -> dict[str, str]:
    """Names bound to entities: pattern and path variables, then their aliases, to a fixpoint."""
    names: dict[str, str] = {}
    for i, t in enumerate(s.tokens):
        if not _name_token(s, i):
            continue
        p, n = i - 1, i + 1
        node = (
            s.sym(p, "(")
            and s.kind.get(p) == "group"
            and (s.sym(n, ":", ")", "{") or s.word(n, "WHERE", "IS"))
        )
        rel = s.sym(p, "[") and s.kind.get(p) == "rel"
        path = _path_binding(s, i)
        if node or rel or path:
            _bind(names, t.value, ONE)
    changed = True
    while changed:
        changed = False
        for i in range(len(s.tokens)):
            if not _is_variable(s, names, i):
                continue
            try:
                unit = _extend(s, names, i)
            except Forbidden:
                continue
            if unit is None:
                continue
            before, after = _before(s, unit.start), unit.end + 1
            if s.word(after, "AS") and _name_token(s, after + 1):
                kind = ONE if s.word(before, "UNWIND") else unit.kind
                changed |= _bind(names, s.tokens[after + 1].value, kind)
            if s.word(before, "IN") and unit.kind == MANY and _name_token(s, before - 1):
                changed |= _bind(names, s.tokens[before - 1].value, ONE)
    return names


def _bind(names: dict[str, str], name: str, kind: str) -> bool:
    """Record a binding; a name bound both ways counts as ONE (the stricter)."""
    old = names.get(name)
    if old in (kind, ONE):
        return False
    names[name] = kind if old is None else ONE
    return True


def _name_token(s: Structure, i: int) -> bool:
    """A word or `name` that can be a variable: not a property key. Keywords are not excluded
    (`path` is one in GQL): a keyword only becomes a name when a binding position binds it."""
    t = s.tok(i)
    return t is not None and t.kind in (Kind.WORD, Kind.NAME) and not s.is_property_key(i)


def _path_binding(s: Structure, i: int) -> bool:
    """`MATCH p = (a)-->(b)`, `p = shortestPath(…)`."""
    n = i + 1
    if not s.sym(n, "=") or not (s.word(i - 1, "MATCH") or s.clause_comma(i - 1)):
        return False
    return s.sym(n + 1, "(") or s.word(n + 1, *PATH_START)


def _is_variable(s: Structure, names: dict[str, str], i: int) -> bool:
    """A bare use of an entity name: not a property key, label, map key or property read."""
    t = s.tok(i)
    if t is None or t.value not in names or not _name_token(s, i):
        return False
    if s.word(i - 1, "AS"):
        return False  # the alias being defined
    in_map = s.frame[i] >= 0 and s.kind.get(s.frame[i]) == "map"
    if s.sym(i - 1, ":", "::") and not in_map:
        return False  # a label or type named like the variable
    # p.name, p:Label, {p: …}, p {.name}, and function names are no bare use
    return not s.sym(i + 1, ".", ":", "::", "{", "(")


def _bare(s: Structure, names: dict[str, str], i: int, kind: str | None) -> bool:
    """Token i is an entity name used bare (of `kind`, when given)."""
    if not _is_variable(s, names, i) or s.sym(i + 1, "["):
        return False
    return kind is None or names[s.tokens[i].value] == kind


def _before(s: Structure, i: int) -> int:
    """The token before i, skipping DISTINCT (`count(DISTINCT p)`, `WITH DISTINCT p`)."""
    j = i - 1
    return j - 1 if s.word(j, "DISTINCT") else j


def _operator(s: Structure, i: int) -> bool:
    t = s.tok(i)
    if t is not None and t.kind is Kind.SYMBOL and t.value in OPERATORS:
        return True
    return s.word(i, "CONTAINS", "STARTS", "ENDS") or s.operator_with(i)


def _extend(s: Structure, names: dict[str, str], i: int) -> Unit | None:
    """Grow the use at i to the whole expression that still holds entities.

    None: the use ends in a function that returns no entity (count, labels, …) or in a CALL
    scope; FORBIDDEN: it is given to any other function.
    """
    start = end = i
    kind = names[s.tokens[i].value]
    while True:
        n = end + 1
        if s.sym(n, "[") and s.kind.get(n) == "subscript":  # ps[0], ps[1..3]
            inner = s.tokens[n + 1 : s.close[n]]
            sliced = any(x.kind is Kind.SYMBOL and x.value == ".." for x in inner)
            kind = MANY if sliced else ONE
            end = s.close[n]
            continue
        p = _before(s, start)
        if s.sym(p, "(") and s.close.get(p) == n:
            if s.kind[p] == "call":
                fn = s.call[p]
                if fn in CONSUMING:
                    return None
                if fn not in PASSING:
                    t = s.tokens[i]
                    raise Forbidden(
                        f"{fn}() may not take the node, relationship or path {t.value}: it "
                        f"could turn it into text with protected personal data ({t.where()})",
                        variable=t.value,
                    )
                start, end, kind = s.call_start[p], n, PASSING[fn]
                continue
            if s.kind[p] == "scope":
                return None
            if p == start - 1:  # (p): a pattern element or a parenthesised expression
                start, end = p, n
                continue
        comprehension = s.sym(p, "|") and s.sym(n, "]") and s.frame[p] == s.opener[n]
        if comprehension and s.kind.get(s.opener[n]) == "list":  # [x IN ps | x]
            start, end, kind = s.opener[n], n, MANY
            continue
        if kind == MANY and s.sym(n, "+") and _bare(s, names, n + 1, MANY):
            end = n + 1  # ps + qs
            continue
        if kind == MANY and s.sym(p, "+") and _bare(s, names, p - 1, MANY):
            start = p - 1
            continue
        return Unit(start, end, kind)


def _item_end(s: Structure, n: int) -> bool:
    """What may follow a whole projection item, UNWIND list or scope import."""
    if s.tok(n) is None or s.word(n, "AS", *ITEM_END) or s.clause_comma(n):
        return True
    if s.sym(n, "}", ")"):
        return s.kind.get(s.opener[n]) in ("subquery", "scope")
    return False


def _allowed(s: Structure, names: dict[str, str], u: Unit) -> bool:
    p, n = _before(s, u.start), u.end + 1
    bare = u.start == u.end
    group = s.sym(u.start, "(") and s.kind.get(u.start) == "group"
    if s.sym(n, ".", ":", "{"):  # head(ps).name, startNode(r):Person
        return True
    if s.sym(n, "=", "<>") and _bare(s, names, n + 1, None):  # a <> b
        return True
    if s.sym(p, "=", "<>") and _bare(s, names, p - 1, None):
        return True
    if bare and _path_binding(s, u.start):
        return True
    if s.word(p, "IN") and u.kind == MANY:  # x IN ps, p IN ps
        return True
    if (s.word(n, "IN", "IS") or s.sym(n, "::")) and not _operator(s, p):
        return True
    projected = s.word(p, "RETURN", "UNWIND") or (s.word(p, "WITH") and not s.operator_with(p))
    scope = s.sym(p, "(") and s.kind.get(p) == "scope"
    if (projected or scope or s.clause_comma(p)) and _item_end(s, n):
        return True
    if bare and s.sym(p, "(") and s.kind.get(p) == "group" and s.word(n, "WHERE", "IS"):
        return True  # (p WHERE …)
    if bare and s.sym(p, "[") and s.kind.get(p) == "rel":
        return s.sym(n, "]", "*") or s.word(n, "WHERE")
    if group:
        return _pattern_element(s, p, n)
    return False


def _pattern_element(s: Structure, p: int, n: int) -> bool:
    """`(p)` inside a pattern: between MATCH/WHERE/… or relationship arrows."""
    continues = s.sym(n, "-") or (s.sym(n, "<") and s.sym(n + 1, "-"))
    opens = s.word(p, *PATTERN_WORDS) or s.sym(p, "(", "{", "[", "=") or s.clause_comma(p)
    if continues and (opens or s.sym(p, "-", ">")):
        return True
    ends = s.sym(p, "-", ">") or s.word(p, "MATCH") or s.clause_comma(p)
    if ends or (s.sym(p, "=") and _path_binding(s, p - 1)):
        return _item_end(s, n) or s.sym(n, ")", "|", "]", "}") or s.word(n, "AND", "OR", "XOR")
    return False
