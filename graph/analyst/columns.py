"""The column names of a query's final RETURN, read from its text.

For a result that came back empty: ArcadeDB names no columns when there are no rows (Neo4j
does), and an empty result without columns reads like a query that asked for nothing, so a typo
in a label looks like "no rows". The names are what the database gives: the alias after AS, or
else the expression as written (one space wherever the text has any). Unknown (an empty list)
for `RETURN *`, and for a query without a RETURN of its own.
"""

from __future__ import annotations

from graph.analyst.lexer import Kind, Token, normalised, tokenize

OPEN, CLOSE = "([{", ")]}"
ENDS = frozenset({"ORDER", "SKIP", "LIMIT", "OFFSET", "UNION"})


def _depths(tokens: list[Token]) -> list[int]:
    depth, found = 0, []
    for t in tokens:
        if t.kind is Kind.SYMBOL and t.value in CLOSE:
            depth -= 1
        found.append(depth)
        if t.kind is Kind.SYMBOL and t.value in OPEN:
            depth += 1
    return found


def return_columns(text: str) -> list[str]:
    tokens = tokenize(text)
    depths = _depths(tokens)
    starts = [i for i, t in enumerate(tokens) if depths[i] == 0 and t.upper == "RETURN"]
    if not starts:
        return []
    items: list[list[Token]] = [[]]
    for i in range(starts[-1] + 1, len(tokens)):
        t = tokens[i]
        if depths[i] == 0 and (t.upper in ENDS or (t.kind is Kind.SYMBOL and t.value == ";")):
            break
        if depths[i] == 0 and t.kind is Kind.SYMBOL and t.value == ",":
            items.append([])
            continue
        items[-1].append(t)
    if items[0] and items[0][0].upper == "DISTINCT":
        items[0] = items[0][1:]
    names = []
    for item in items:
        if not item or (len(item) == 1 and item[0].value == "*"):
            return []
        if len(item) >= 3 and item[-2].upper == "AS":
            names.append(item[-1].value)
        else:
            names.append(normalised(item).strip())
    return names
