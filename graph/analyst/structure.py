"""What the guard needs to know about a token beyond its text: which bracket holds it, what kind
of bracket that is (a call, a pattern, a list, a map, a subquery), and which clause is in force.

This is not a Cypher parser. It answers the few questions the guard asks, and where it cannot
tell, the guard refuses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.analyst.lexer import Kind, Token
from graph.errors import BadUserInput


def words(text: str) -> frozenset[str]:
    """A set of words written as one string (function names: as written)."""
    return frozenset(text.split())


def keywords(text: str) -> frozenset[str]:
    """A set of keywords written as one lower-case string (keywords are case-insensitive; the
    guard compares them in upper case)."""
    return frozenset(text.upper().split())


# Words that may stand before "(" without being a function name, and words that start a clause.
STRUCTURAL = keywords(
    "match optional where and or xor not in return with unwind call case when then else end "
    "distinct by skip limit offset contains starts ends union is as order asc desc ascending "
    "descending shortest groups path paths walk trail acyclic repeatable elements different "
    "filter let next finish yield null true false"
)
CLAUSES = keywords(
    "match return with unwind where order skip limit offset union call yield finish filter let"
)
PATH_SELECTORS = frozenset({"ANY", "ALL", "SHORTEST"})
OPENERS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {v: k for k, v in OPENERS.items()}


@dataclass
class Structure:
    """Brackets, their kinds and the clause in force, for one token list."""

    tokens: list[Token]
    close: dict[int, int] = field(default_factory=dict)
    opener: dict[int, int] = field(default_factory=dict)  # closer index -> opener index
    frame: list[int] = field(default_factory=list)  # innermost open bracket around i, or -1
    kind: dict[int, str] = field(default_factory=dict)  # opener index -> kind
    call: dict[int, str] = field(default_factory=dict)  # call paren -> function name, lower
    call_start: dict[int, int] = field(default_factory=dict)  # call paren -> first name token
    clause: list[str] = field(default_factory=list)  # clause in force at i, at its level
    _keyword: dict[int, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        stack: list[tuple[int, str]] = []  # (opener index, clause of the enclosing level)
        current = ""
        for i, t in enumerate(self.tokens):
            self.frame.append(stack[-1][0] if stack else -1)
            if t.kind is Kind.SYMBOL and t.value in OPENERS:
                kind = self._kind_of(i)
                self.kind[i] = kind
                self.clause.append(current)
                stack.append((i, current))
                if kind in ("subquery", "scope"):
                    current = "SCOPE" if kind == "scope" else ""
                continue
            if t.kind is Kind.SYMBOL and t.value in CLOSERS:
                if not stack or self.tokens[stack[-1][0]].value != CLOSERS[t.value]:
                    raise BadUserInput(f"unbalanced {t.value!r} at {t.where()}")
                start, outer = stack.pop()
                self.close[start] = i
                self.opener[i] = start
                self.frame[i] = stack[-1][0] if stack else -1
                if self.kind[start] in ("subquery", "scope"):
                    current = outer
                self.clause.append(current)
                continue
            in_level = not stack or self.kind[stack[-1][0]] in ("subquery", "scope")
            if in_level and self.is_keyword(i) and t.upper in CLAUSES and not self.operator_with(i):
                current = t.upper
            self.clause.append(current)
        if stack:
            t = self.tokens[stack[-1][0]]
            raise BadUserInput(f"unclosed {t.value!r} at {t.where()}")

    # -- token questions -------------------------------------------------------------------
    def tok(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def sym(self, i: int, *values: str) -> bool:
        t = self.tok(i)
        return t is not None and t.kind is Kind.SYMBOL and t.value in values

    def is_property_key(self, i: int) -> bool:
        """`n.set`, `{.delete}`: a name right after a dot, not a keyword."""
        t, dot, left = self.tok(i), self.tok(i - 1), self.tok(i - 2)
        if t is None or dot is None or left is None or t.spaced or dot.spaced:
            return False
        if dot.kind is not Kind.SYMBOL or dot.value != ".":
            return False
        if left.kind in (Kind.WORD, Kind.NAME, Kind.PARAM):
            return True
        if left.kind is Kind.SYMBOL and left.value in (")", "]", "}"):
            return True
        return left.kind is Kind.SYMBOL and left.value in ("{", ",") and self._in_map(i)

    def _in_map(self, i: int) -> bool:
        f = self.frame[i] if i < len(self.frame) else -1
        return f >= 0 and self.kind.get(f) == "map"

    def is_keyword(self, i: int) -> bool:
        """A word in keyword position: not a property key, label, type or map key."""
        known = self._keyword.get(i)
        if known is None:
            t = self.tok(i)
            known = not (
                t is None
                or t.kind is not Kind.WORD
                or self.is_property_key(i)
                or self.sym(i - 1, ":", "::")
                or self.sym(i + 1, ":")
            )
            self._keyword[i] = known
        return known

    def word(self, i: int, *words: str) -> bool:
        t = self.tok(i)
        return t is not None and self.is_keyword(i) and t.upper in words

    def operator_with(self, i: int) -> bool:
        """The operator form (STARTS WITH, ENDS WITH), not the clause."""
        return self.word(i, "WITH") and self.word(i - 1, "STARTS", "ENDS")

    def clause_comma(self, i: int) -> bool:
        """A comma between projection items (RETURN/WITH), patterns (MATCH) or scope imports."""
        if not self.sym(i, ","):
            return False
        f = self.frame[i]
        if f >= 0 and self.kind[f] == "scope":
            return True
        if f >= 0 and self.kind[f] != "subquery":
            return False
        return self.clause[i] in ("RETURN", "WITH", "MATCH")

    # -- bracket kinds ---------------------------------------------------------------------
    def _kind_of(self, i: int) -> str:
        t, p = self.tokens[i], self.tok(i - 1)
        if t.value == "(":
            if p is not None and self.word(i - 1, "CALL"):
                return "scope"
            if p is not None and p.kind in (Kind.WORD, Kind.NAME) and self._is_call_name(i - 1):
                self.call_start[i], self.call[i] = self._call_name(i - 1)
                return "call"
            return "group"
        if t.value == "[":
            if p is None:
                return "list"
            if p.kind is Kind.SYMBOL and p.value == "-":
                return "rel"
            if p.kind in (Kind.NAME, Kind.PARAM) or (p.kind is Kind.SYMBOL and p.value in ")]}"):
                return "subscript"
            if p.kind is Kind.WORD and not (self.is_keyword(i - 1) and p.upper in STRUCTURAL):
                return "subscript"
            return "list"
        if p is not None and (self.word(i - 1, "EXISTS", "COUNT", "COLLECT", "CALL")):
            return "subquery"
        if p is not None and p.kind is Kind.SYMBOL and p.value == ")":
            start = self.opener.get(i - 1)
            if start is not None and self.kind.get(start) == "scope":
                return "subquery"
        return "map"

    def _is_call_name(self, i: int) -> bool:
        t = self.tokens[i]
        if self.sym(i - 1, ":", "::"):
            return False  # (n:Label(… is a label, not a call
        if t.kind is Kind.NAME or self.is_property_key(i):
            return True  # `name`( or ns.fn(
        if t.upper in PATH_SELECTORS and (self.word(i - 1, "MATCH") or self.sym(i - 1, "=")):
            return False  # MATCH ANY (a)-->(b): a path selector
        return not (self.is_keyword(i) and t.upper in STRUCTURAL)

    def _call_name(self, i: int) -> tuple[int, str]:
        """Walk back over `a.b.c` to the start of a (namespaced) function name."""
        parts = [self.tokens[i].value]
        j = i
        while self.is_property_key(j) and self.tokens[j - 2].kind in (Kind.WORD, Kind.NAME):
            j -= 2
            parts.append(self.tokens[j].value)
        return j, ".".join(reversed(parts)).lower()
