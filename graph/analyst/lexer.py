"""Tokens of an analyst's Cypher text, and the normalised text the database is given.

The guard must read a query exactly as the database will. Two readers can disagree about where a
comment or a string ends (escape rules, line separators), and a disagreement is a hiding place
for a clause. So the database never sees the analyst's raw text: it runs `normalised(tokens)`,
rebuilt from these tokens, with comments dropped and every string literal and backticked name
re-encoded in one plain form. Whatever the guard checked is what runs.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from enum import Enum

from graph.errors import BadUserInput

MAX_QUERY_LENGTH = 20_000


class Kind(Enum):
    WORD = "word"  # identifier or keyword
    NAME = "name"  # `backticked` identifier
    STRING = "string"
    NUMBER = "number"
    PARAM = "param"  # $name
    SYMBOL = "symbol"


@dataclass(frozen=True)
class Token:
    kind: Kind
    text: str  # as it will be sent (re-encoded for strings, names and params)
    value: str  # decoded string or name; the text otherwise
    line: int
    column: int
    spaced: bool  # whitespace or a comment stood before it

    @property
    def upper(self) -> str:
        """A word as the keyword it may spell (compatibility forms folded: ＣＲＥＡＴＥ)."""
        if self.kind is not Kind.WORD:
            return ""
        return self.value.upper() if self.value.isascii() else fold(self.value).upper()

    def where(self) -> str:
        return f"line {self.line}, column {self.column}"


_WORD = re.compile(r"[^\W\d]\w*")
_NUMBER = re.compile(
    r"0x[0-9A-Fa-f_]+|0o[0-7_]+"
    r"|(?:[0-9][0-9_]*)?\.[0-9][0-9_]*(?:[eE][+-]?[0-9]+)?|[0-9][0-9_]*(?:[eE][+-]?[0-9]+)?"
)
_DIGITS = re.compile(r"[0-9]+")
_SPACE = re.compile(r"\s+")
_SYMBOLS = ("..", "<=", ">=", "<>", "=~", "+=", "::", "||", "!=")
_SINGLE = "()[]{},.:;|+-*/%^=<>&!"
_ESCAPES = {"\\": "\\", "'": "'", '"': '"', "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_LINE_END = "\n\r"


def fold(text: str) -> str:
    """Compatibility forms folded (NFKC), so full-width letters compare as their plain ones."""
    return unicodedata.normalize("NFKC", text)


def _quote(value: str) -> str:
    """One plain encoding of a string literal: single quotes, backslash escapes only."""
    body = value.replace("\\", "\\\\").replace("'", "\\'")
    body = body.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return "'" + body + "'"


def quote_name(value: str) -> str:
    """A name as a plain identifier when it is one, else backticked."""
    if _WORD.fullmatch(value):
        return value
    return "`" + value.replace("`", "``") + "`"


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, pos: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, pos)
        return line, pos - self.line_starts[line - 1] + 1

    def fail(self, message: str, pos: int) -> BadUserInput:
        line, column = self.position(pos)
        return BadUserInput(f"{message} at line {line}, column {column}", line=line, column=column)

    def string(self, start: int) -> tuple[str, int]:
        quote, text = self.text[start], self.text
        out: list[str] = []
        i = start + 1
        while i < len(text):
            ch = text[i]
            if ch == quote:
                return "".join(out), i + 1
            if ch != "\\":
                out.append(ch)
                i += 1
                continue
            nxt = text[i + 1 : i + 2]
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
                i += 2
            elif nxt in ("u", "U"):
                width = 4 if nxt == "u" else 8
                digits = text[i + 2 : i + 2 + width]
                if len(digits) != width or not re.fullmatch(r"[0-9A-Fa-f]+", digits):
                    raise self.fail("a \\u escape needs hex digits", i)
                out.append(chr(int(digits, 16)))
                i += 2 + width
            else:
                raise self.fail(f"unknown escape \\{nxt}", i)
        raise self.fail("unterminated string literal", start)

    def backticked(self, start: int) -> tuple[str, int]:
        text = self.text
        out: list[str] = []
        i = start + 1
        while i < len(text):
            if text[i] == "`":
                if text[i + 1 : i + 2] == "`":
                    out.append("`")
                    i += 2
                    continue
                return "".join(out), i + 1
            out.append(text[i])
            i += 1
        raise self.fail("unterminated `name`", start)


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens; BAD_USER_INPUT on anything the lexer cannot read."""
    if len(text) > MAX_QUERY_LENGTH:
        raise BadUserInput(f"the query is longer than {MAX_QUERY_LENGTH} characters")
    r = _Reader(text)
    tokens: list[Token] = []
    spaced = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            spaced = True
            m = _SPACE.match(text, i)
            i = m.end() if m else i + 1
            continue
        if text.startswith("//", i):
            end = min((p for p in (text.find(c, i) for c in _LINE_END) if p >= 0), default=-1)
            i = len(text) if end < 0 else end
            spaced = True
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise r.fail("unterminated /* comment", i)
            i = end + 2
            spaced = True
            continue
        line, column = r.position(i)
        kind: Kind
        if ch in "'\"":
            value, j = r.string(i)
            kind, out = Kind.STRING, _quote(value)
        elif ch == "`":
            value, j = r.backticked(i)
            kind, out = Kind.NAME, "`" + value.replace("`", "``") + "`"
        elif ch == "$":
            if text[i + 1 : i + 2] == "`":
                value, j = r.backticked(i + 1)
            elif m := (_WORD.match(text, i + 1) or _DIGITS.match(text, i + 1)):
                value, j = m.group(), m.end()
            else:
                raise r.fail("a parameter needs a name after $", i)
            kind, out = Kind.PARAM, "$" + quote_name(value)
        elif text.startswith("..", i):
            kind, value, j = Kind.SYMBOL, "..", i + 2
            out = value
        elif ch in "0123456789." and (m := _NUMBER.match(text, i)):
            kind, value, j = Kind.NUMBER, m.group(), m.end()
            out = value
        elif m := _WORD.match(text, i):
            kind, value, j = Kind.WORD, m.group(), m.end()
            out = value
        elif sym := next((s for s in _SYMBOLS if text.startswith(s, i)), None):
            kind, value, j = Kind.SYMBOL, sym, i + len(sym)
            out = value
        elif ch in _SINGLE:
            kind, value, j = Kind.SYMBOL, ch, i + 1
            out = value
        else:
            raise r.fail(f"unexpected character {ch!r}", i)
        tokens.append(Token(kind, out, value, line, column, spaced))
        spaced = False
        i = j
    return tokens


def normalised(tokens: list[Token]) -> str:
    """The text the database runs: the tokens, one space wherever the analyst left any."""
    return "".join((" " if t.spaced and n else "") + t.text for n, t in enumerate(tokens))
